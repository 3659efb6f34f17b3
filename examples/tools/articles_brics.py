# Story "brics": the Johannesburg summit of August 2023 and the Kazan summit of October 2024.
# Original text written for storytrack (CC0). Figures follow public reports of the day;
# quotations are renderings of public statements, not verbatim transcripts.

ARTICLES = [
dict(key="brics-1", event=1, lang="en", fmt="txt", outlet="pacificobserver.net",
     author="Daniel Okafor", dt="2023-08-22 20:00:00",
     title="BRICS leaders meet in Johannesburg as Putin joins by video",
     body="""
Leaders of the BRICS group of emerging economies opened their 15th summit in Johannesburg on Tuesday, 22 August 2023, with the question of admitting new members at the top of the agenda.

South African President Cyril Ramaphosa welcomed China's Xi Jinping, Brazil's Luiz Inácio Lula da Silva and India's Narendra Modi to the Sandton Convention Centre. Russian President Vladimir Putin, who is the subject of an arrest warrant issued by the International Criminal Court in March, did not travel and is taking part by video link. Russia is represented in person by Foreign Minister Sergei Lavrov.

In a pre-recorded speech to a business forum on the sidelines of the summit, Putin defended Russia's war in Ukraine and said that the move away from the US dollar in trade between member states was "objective and irreversible".

More than 40 countries have expressed interest in joining the bloc, according to South African officials, and 23 have formally applied, among them Saudi Arabia, Iran, Argentina and Egypt.

Lula said the group did not want to be a counterweight to the G7 or the United States. "We want to organise ourselves," he said. Xi, whose speech to the forum was read out by his commerce minister Wang Wentao, said that "hegemonism is not in China's DNA".

The five members - Brazil, Russia, India, China and South Africa - account for about 40% of the world's population and a quarter of global economic output. The summit runs until Thursday.
"""),

dict(key="brics-2", event=1, lang="ru", fmt="jsonl", outlet="novosti-vostok.ru",
     author="Анна Сергеева", dt="2023-08-22 21:30:00", section="politika",
     title="Путин выступил на форуме БРИКС в Йоханнесбурге по видеосвязи",
     body="""
Президент России Владимир Путин во вторник, 22 августа, обратился по видеосвязи к участникам делового форума БРИКС, который проходит в Йоханнесбурге в рамках 15-го саммита объединения. Российскую делегацию в ЮАР возглавляет министр иностранных дел Сергей Лавров.

«Объективный и необратимый процесс дедолларизации наших экономических связей набирает обороты», — заявил Путин. По его словам, доля доллара в расчётах между странами объединения снижается, а торговля всё чаще ведётся в национальных валютах.

Глава государства также отметил, что Россия остаётся надёжным поставщиком продовольствия и удобрений, и объяснил выход из зерновой сделки тем, что её условия, касающиеся российского экспорта, так и не были выполнены.

Помощник президента Юрий Ушаков ранее пояснил, что Путин примет участие во всех мероприятиях саммита в режиме видеоконференции. Решение не ехать в Южную Африку было принято по взаимному согласию с президентом ЮАР Сирилом Рамафосой.

В Йоханнесбург прибыли председатель КНР Си Цзиньпин, президент Бразилии Луис Инасиу Лула да Силва и премьер-министр Индии Нарендра Моди. Главной темой встречи станет расширение БРИКС: о желании вступить в объединение заявили более 40 государств, а 23 из них подали официальные заявки.

На страны БРИКС приходится около 40 % населения планеты и примерно четверть мирового ВВП. Саммит продлится до четверга, 24 августа.
"""),

dict(key="brics-3", event=2, lang="en", fmt="rss", outlet="worldledger.com",
     author="Priya Raman", dt="2023-08-24 14:00:00", section="World",
     title="BRICS invites six countries including Saudi Arabia and Iran to join",
     body="""
The BRICS group of emerging economies on Thursday, 24 August, invited Saudi Arabia, Iran, the United Arab Emirates, Egypt, Ethiopia and Argentina to become full members, more than doubling its size in a move its leaders said would give the Global South a louder voice.

"We have consensus on the first phase of this expansion process, and other phases will follow," South African President Cyril Ramaphosa told a news conference at the end of the three-day summit in Johannesburg. Membership will take effect on 1 January 2024.

Chinese President Xi Jinping called the decision "historic" and said it showed the determination of BRICS countries to unite with other developing nations. Brazil's President Luiz Inácio Lula da Silva said the enlarged group would account for about 46% of the world's population.

Speaking by video link, Russian President Vladimir Putin congratulated the new members and said Russia would continue the work when it takes over the rotating chairmanship of the group next year, ending with a summit in Kazan.

The addition of Saudi Arabia, the UAE and Iran would bring together some of the world's largest oil producers. Argentina's President Alberto Fernández welcomed the invitation, saying it opened a new scenario for his country, though a leading candidate in the October presidential election has said he would reject it.

India's Prime Minister Narendra Modi said New Delhi had always supported expansion. Indonesia, which had been widely discussed as a candidate, did not seek membership this time.
"""),

dict(key="brics-4", event=2, lang="ru", fmt="txt", outlet="vestnik-dnya.ru",
     author="Дмитрий Волков", dt="2023-08-24 16:45:00",
     title="БРИКС пригласил в свои ряды шесть новых государств",
     body="""
Лидеры стран БРИКС на саммите в Йоханнесбурге в четверг, 24 августа 2023 года, договорились о первом расширении объединения с 2010 года. Полноправными членами группы с 1 января 2024 года станут Аргентина, Египет, Эфиопия, Иран, Саудовская Аравия и Объединённые Арабские Эмираты.

Об этом объявил президент ЮАР Сирил Рамафоса на заключительной пресс-конференции. «Мы достигли консенсуса по первому этапу процесса расширения, за ним последуют другие этапы», — сказал он.

Президент России Владимир Путин, участвовавший во встрече по видеосвязи, поздравил новых участников и пообещал, что Россия во время своего председательства в БРИКС в следующем году продолжит эту работу. Председательство России завершится саммитом в Казани.

Министр иностранных дел Сергей Лавров пояснил, что при отборе кандидатов учитывались вес, авторитет и позиции стран на международной арене. Председатель КНР Си Цзиньпин назвал решение «историческим».

После расширения на страны БРИКС будет приходиться около 46 % населения Земли. В объединение войдут три крупных производителя нефти — Саудовская Аравия, ОАЭ и Иран.

Последний раз БРИКС расширялся в 2010 году, когда к Бразилии, России, Индии и Китаю присоединилась Южно-Африканская Республика.
"""),

dict(key="brics-5", event=2, lang="ar", fmt="gz", outlet="almanara-daily.com",
     author="سامر خليل", dt="2023-08-24 18:20:00",
     title="بريكس تدعو السعودية والإمارات ومصر وإيران للانضمام إلى المجموعة",
     body="""
أعلن رئيس جنوب أفريقيا سيريل رامافوزا، يوم الخميس 24 أغسطس/آب 2023، أن مجموعة بريكس قررت دعوة ست دول للانضمام إليها كأعضاء كاملي العضوية اعتباراً من الأول من يناير/كانون الثاني 2024، وهي المملكة العربية السعودية والإمارات العربية المتحدة ومصر وإيران وإثيوبيا والأرجنتين.

وقال رامافوزا في مؤتمر صحفي في ختام القمة الخامسة عشرة للمجموعة في جوهانسبرغ: "توصلنا إلى توافق بشأن المرحلة الأولى من عملية التوسع، وستتبعها مراحل أخرى".

ورحب رئيس دولة الإمارات الشيخ محمد بن زايد آل نهيان بالقرار، مؤكداً أن بلاده تتطلع إلى مواصلة العمل مع دول المجموعة من أجل ازدهار جميع الدول والشعوب.

وقال وزير الخارجية السعودي الأمير فيصل بن فرحان إن المملكة ستدرس تفاصيل الدعوة قبل اتخاذ القرار المناسب. كما رحب الرئيس المصري عبد الفتاح السيسي بالإعلان، معرباً عن تطلع مصر إلى التعاون مع دول المجموعة لإعلاء صوت دول الجنوب.

ويرى محللون أن انضمام ثلاث من كبرى الدول المنتجة للنفط، هي السعودية والإمارات وإيران، يمنح المجموعة ثقلاً أكبر في أسواق الطاقة العالمية. وبعد التوسع ستمثل بريكس نحو 46% من سكان العالم.

وتضم المجموعة حالياً البرازيل وروسيا والهند والصين وجنوب أفريقيا، وكانت آخر مرة توسعت فيها عام 2010 بانضمام جنوب أفريقيا.
"""),

dict(key="brics-6", event=3, lang="ru", fmt="html", outlet="novosti-vostok.ru",
     author="Анна Сергеева", dt="2024-10-23 19:00:00", slug="kazan-sammit-briks-otkrylsya",
     title="В Казани прошёл первый саммит расширенного БРИКС",
     body="""
В Казани 23 октября прошло основное заседание XVI саммита БРИКС — первого после расширения объединения. В столицу Татарстана прибыли делегации 36 стран, из них более 20 — на уровне глав государств, а также генеральный секретарь ООН Антониу Гутерриш.

Председательствующий в объединении президент России Владимир Путин, открывая встречу в узком составе, сообщил, что интерес к сотрудничеству с группой проявили более 30 государств. Накануне саммита он подчеркнул: «БРИКС — это не антизападная группа, это просто незападная группа».

По итогам заседания лидеры приняли Казанскую декларацию. В документе говорится о поддержке реформы международной финансовой системы и о расширении расчётов в национальных валютах. Участники договорились создать категорию стран-партнёров БРИКС; их предварительный список, по словам помощника президента Юрия Ушакова, включает 13 государств.

В Казань приехали председатель КНР Си Цзиньпин, премьер-министр Индии Нарендра Моди, президент Ирана Масуд Пезешкиан и президент Египта Абдель Фаттах ас-Сиси. Президент Бразилии Луис Инасиу Лула да Силва выступил по видеосвязи после того, как получил травму дома.

В четверг, 24 октября, в формате «БРИКС плюс» выступит министр иностранных дел Индонезии Сугионо: Джакарта намерена заявить о желании стать полноправным членом объединения. На полях саммита Путин проводит более 20 двусторонних встреч.
"""),

dict(key="brics-7", event=3, lang="id", fmt="jsonl", outlet="wartaharian.id",
     author="Bayu Pratama", dt="2024-10-25 09:00:00",
     title="Menlu Sugiono Sampaikan Keinginan Indonesia Bergabung dengan BRICS di Kazan",
     body="""
Menteri Luar Negeri RI Sugiono menyampaikan keinginan Indonesia untuk menjadi anggota BRICS dalam KTT BRICS Plus di Kazan, Rusia, Kamis (24/10/2024). Pernyataan itu disampaikan dalam pertemuan yang menjadi bagian dari KTT ke-16 BRICS, yang pertama sejak kelompok itu diperluas pada awal tahun ini.

"Bergabungnya Indonesia ke BRICS merupakan pengejawantahan politik luar negeri bebas aktif," kata Sugiono dalam keterangan tertulis Kementerian Luar Negeri. Ia menegaskan bahwa langkah tersebut tidak berarti Indonesia ikut kubu tertentu, melainkan berpartisipasi aktif di semua forum.

Menurut Sugiono, prioritas pemerintahan Presiden Prabowo Subianto, seperti ketahanan pangan dan energi, pemberantasan kemiskinan, dan pemajuan sumber daya manusia, sejalan dengan prioritas kerja sama BRICS.

KTT di Kazan dipimpin Presiden Rusia Vladimir Putin dan dihadiri delegasi dari 36 negara, termasuk lebih dari 20 kepala negara dan pemerintahan. Para pemimpin mengadopsi Deklarasi Kazan serta menyepakati pembentukan kategori negara mitra BRICS.

Pada KTT Johannesburg bulan Agustus 2023, Presiden Joko Widodo masih menyatakan Indonesia tidak ingin tergesa-gesa bergabung. Kini, di bawah Presiden Prabowo yang dilantik pada 20 Oktober lalu, Jakarta mengambil sikap berbeda.

BRICS saat ini beranggotakan Brasil, Rusia, India, Tiongkok, Afrika Selatan, Mesir, Etiopia, Iran, dan Uni Emirat Arab.
"""),

dict(key="brics-8", event=3, lang="en", fmt="html", outlet="harbourstandard.co.uk",
     author="Tom Whitcombe", dt="2024-10-24 20:00:00",
     title="Guterres meets Putin at BRICS summit in Kazan as Indonesia seeks to join",
     body="""
UN Secretary-General António Guterres met Russian President Vladimir Putin on Thursday, 24 October, on the final day of the BRICS summit in the Russian city of Kazan, his first visit to Russia in more than two years.

Guterres repeated his call for a just peace in Ukraine "in line with the UN Charter, international law and General Assembly resolutions", his office said. Ukraine's foreign ministry had criticised his decision to travel to Kazan, calling it a wrong choice that did not advance the cause of peace.

The three-day gathering, hosted by Putin, was the first since the group admitted Egypt, Ethiopia, Iran and the United Arab Emirates at the start of the year. Delegations from 36 countries attended, and leaders adopted the Kazan Declaration, which calls for reform of international financial institutions and more trade in national currencies.

Members also agreed to create a new tier of "partner countries". Kremlin aide Yuri Ushakov said 13 states had been offered the status, among them Turkey, Malaysia, Indonesia and Vietnam.

Indonesia's new Foreign Minister Sugiono told the BRICS Plus session that Jakarta wanted to become a full member, describing the move as an expression of the country's "free and active" foreign policy rather than a choice of sides.

Chinese President Xi Jinping and Indian Prime Minister Narendra Modi both attended. Putin, whose summit was intended to show that Western sanctions had failed to isolate Russia, has said BRICS is "not an anti-Western group" but simply "a non-Western group".
"""),
]
