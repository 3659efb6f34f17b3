# Story "gaza-truce": the Israel-Hamas truce of November 2023.
# Original text written for storytrack (CC0). Figures follow public reports of the day;
# quotations are renderings of public statements, not verbatim transcripts.

ARTICLES = [
dict(key="gaza-truce-1", event=1, lang="en", fmt="rss", outlet="worldledger.com",
     author="Helen Marsh", dt="2023-11-22 10:00:00", section="Middle East",
     title="Israel and Hamas agree four-day truce and release of 50 hostages",
     body="""
Israel and Hamas have agreed to a four-day pause in the fighting in Gaza and the release of 50 women and children held hostage by militants, in exchange for 150 Palestinian women and teenagers held in Israeli prisons, Qatar announced on Wednesday, 22 November.

The deal, mediated by Qatar with the help of Egypt and the United States, was approved by the Israeli cabinet after a meeting that lasted into the early hours. It is the first significant break in the war that began with the Hamas attack on southern Israel on 7 October, in which about 1,200 people were killed and roughly 240 were taken captive.

The truce could be extended by one day for every ten additional hostages released, the Israeli government said. Hundreds of trucks carrying humanitarian aid, including fuel, are to be allowed into the Gaza Strip.

"We are at war, and we will continue the war until we achieve all our goals," Prime Minister Benjamin Netanyahu said before the vote, insisting the pause would not end the campaign.

US President Joe Biden welcomed the agreement and thanked the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, and Egypt's President Abdel Fattah al-Sisi for their roles.

The Hamas-run health ministry in Gaza says more than 14,000 Palestinians have been killed in the Israeli offensive. Qatar said the start time of the truce would be announced within 24 hours.
"""),

dict(key="gaza-truce-2", event=1, lang="ar", fmt="txt", outlet="nabd-alsharq.net",
     author="ليلى حداد", dt="2023-11-22 12:30:00",
     title="قطر تعلن التوصل إلى اتفاق هدنة إنسانية في غزة لمدة أربعة أيام",
     body="""
أعلنت وزارة الخارجية القطرية، صباح الأربعاء 22 تشرين الثاني/نوفمبر 2023، نجاح الوساطة المشتركة بين قطر ومصر والولايات المتحدة في التوصل إلى اتفاق على هدنة إنسانية في قطاع غزة لمدة أربعة أيام قابلة للتمديد.

وبموجب الاتفاق، تفرج حركة حماس عن 50 من المحتجزين المدنيين من النساء والأطفال دون سن التاسعة عشرة، مقابل إطلاق سراح 150 من النساء والأطفال الفلسطينيين المعتقلين في السجون الإسرائيلية. كما ينص الاتفاق على إدخال عدد أكبر من القوافل الإنسانية والمساعدات الإغاثية، بما فيها الوقود المخصص للاحتياجات الإنسانية.

وقال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن موعد بدء الهدنة سيُعلن خلال 24 ساعة، معرباً عن أمل الدوحة في أن يكون الاتفاق خطوة نحو اتفاق أشمل ووقف دائم لإطلاق النار.

من جهتها، قالت حركة حماس في بيان إن الاتفاق يتضمن وقف حركة الطيران فوق جنوب القطاع طوال أيام الهدنة، ولمدة ست ساعات يومياً في الشمال.

وكانت الحكومة الإسرائيلية قد صادقت على الاتفاق في اجتماع استمر ساعات، فيما قال رئيس الوزراء بنيامين نتنياهو: "نحن في حرب، وسنواصل الحرب حتى نحقق جميع أهدافنا".

وتقول وزارة الصحة في غزة إن أكثر من 14 ألف فلسطيني قتلوا منذ السابع من تشرين الأول/أكتوبر، بينهم آلاف الأطفال، فيما نزح أكثر من مليون ونصف المليون من سكان القطاع عن منازلهم.
"""),

dict(key="gaza-truce-3", event=1, lang="id", fmt="gz", outlet="kabarnusantara.co.id",
     author="Rina Kusumawati", dt="2023-11-22 15:00:00",
     title="Israel dan Hamas Sepakati Gencatan Senjata Empat Hari, 50 Sandera Akan Dibebaskan",
     body="""
Israel dan Hamas menyepakati jeda kemanusiaan selama empat hari di Jalur Gaza, Rabu (22/11/2023). Kesepakatan yang dimediasi Qatar bersama Mesir dan Amerika Serikat itu mencakup pembebasan 50 sandera perempuan dan anak-anak yang ditahan di Gaza, dengan imbalan pembebasan 150 tahanan perempuan dan anak-anak Palestina dari penjara Israel.

Juru bicara Kementerian Luar Negeri Qatar, Majed al-Ansari, mengatakan waktu dimulainya jeda akan diumumkan dalam 24 jam. Kesepakatan itu juga memungkinkan ratusan truk bantuan kemanusiaan, termasuk bahan bakar, masuk ke Gaza.

Kabinet Israel menyetujui kesepakatan tersebut setelah rapat yang berlangsung hingga dini hari. Perdana Menteri Israel Benjamin Netanyahu menegaskan bahwa perang belum berakhir. "Kami sedang berperang, dan kami akan melanjutkan perang sampai mencapai semua tujuan kami," katanya.

Pemerintah Indonesia menyambut baik kesepakatan itu. Menteri Luar Negeri Retno Marsudi menyatakan jeda kemanusiaan harus menjadi langkah awal menuju gencatan senjata permanen dan harus dimanfaatkan agar bantuan kemanusiaan dapat masuk tanpa hambatan.

Menurut Kementerian Kesehatan Gaza, lebih dari 14.000 warga Palestina tewas sejak perang pecah pada 7 Oktober. Serangan Hamas ke Israel selatan pada hari itu menewaskan sekitar 1.200 orang, dan sekitar 240 orang disandera.

Indonesia juga terus menyalurkan bantuan kemanusiaan untuk warga Gaza melalui Mesir, termasuk obat-obatan dan bahan makanan.
"""),

dict(key="gaza-truce-4", event=2, lang="en", fmt="html", outlet="pacificobserver.net",
     author="Daniel Okafor", dt="2023-11-24 21:00:00",
     title="First hostages freed as truce takes hold in Gaza",
     body="""
Hamas released 24 hostages from Gaza on Friday, 24 November, on the first day of a truce with Israel, while Israel freed 39 Palestinian women and teenagers from its prisons, the first exchange since the war began seven weeks ago.

The freed captives were 13 Israelis - women and children, the youngest aged two - along with ten Thai nationals and one Filipino, whose release was negotiated separately. They were handed to the International Committee of the Red Cross and driven through the Rafah crossing into Egypt before being taken to hospitals in Israel.

"We have just completed the return of our first abductees: children, their mothers and other women," Prime Minister Benjamin Netanyahu said in a statement. "Each one of them is an entire world."

The four-day pause began at 7 am local time. Guns largely fell silent across the Gaza Strip for the first time since 7 October, and thousands of displaced people tried to head back north, despite warnings from the Israeli army not to do so.

Egypt said 200 trucks of aid and fuel had crossed into Gaza. In the occupied West Bank, crowds gathered in Beitunia to greet the Palestinian prisoners released from Ofer prison.

Qatar's foreign ministry spokesman Majed al-Ansari said the first day had gone according to plan. US President Joe Biden called the release "only a start" and said he hoped the pause could be extended.
"""),

dict(key="gaza-truce-5", event=2, lang="ar", fmt="html", outlet="almanara-daily.com",
     author="سامر خليل", dt="2023-11-24 22:00:00", slug="hudna-ghaza-alyawm-alawwal-ifraj",
     title="الإفراج عن 39 أسيرة وقاصراً فلسطينياً و24 محتجزاً في اليوم الأول من الهدنة",
     body="""
أفرجت السلطات الإسرائيلية مساء الجمعة 24 تشرين الثاني/نوفمبر 2023 عن 39 فلسطينياً، هم 24 امرأة و15 قاصراً، في أول دفعة من صفقة التبادل، بينما أطلقت حركة حماس سراح 24 محتجزاً كانوا في قطاع غزة، بينهم 13 إسرائيلياً و10 تايلانديين وفلبيني واحد.

وخرجت حشود في بلدة بيتونيا قرب رام الله لاستقبال المفرج عنهم بعد نقلهم من سجن عوفر، وسط هتافات ورفع الأعلام الفلسطينية. كما استقبلت عائلات في القدس الشرقية أبناءها المحررين.

وقال المتحدث باسم الخارجية القطرية ماجد الأنصاري إن عملية التبادل تمت بنجاح، وإن الوسطاء يتابعون تنفيذ الاتفاق ساعة بساعة لضمان التزام الطرفين.

وبدأت الهدنة الإنسانية في السابعة صباحاً بالتوقيت المحلي، وساد الهدوء معظم أنحاء القطاع للمرة الأولى منذ سبعة أسابيع. ودخلت عبر معبر رفح نحو 200 شاحنة محملة بالمساعدات الإنسانية وكميات من الوقود وغاز الطهي، بحسب السلطات المصرية.

وحاول آلاف النازحين العودة إلى منازلهم في شمال القطاع، إلا أن الجيش الإسرائيلي حذرهم من التحرك شمالاً، وأفاد شهود بإطلاق نار على بعضهم.

وتستمر الهدنة أربعة أيام، على أن يُفرج يومياً عن دفعة جديدة من المحتجزين والأسرى، ويمكن تمديدها يوماً إضافياً مقابل كل عشرة محتجزين إضافيين.
"""),

dict(key="gaza-truce-6", event=2, lang="fr", fmt="jsonl", outlet="lequotidienlibre.fr",
     author="Claire Dumont", dt="2023-11-24 20:30:00", section="international",
     title="Gaza : premiers otages libérés au premier jour de la trêve",
     body="""
Vingt-quatre otages retenus dans la bande de Gaza ont été libérés vendredi 24 novembre, au premier jour de la trêve entre Israël et le Hamas. En échange, Israël a relâché 39 prisonnières et mineurs palestiniens, conformément à l'accord négocié par le Qatar, l'Égypte et les États-Unis.

Parmi les otages libérés figurent 13 Israéliens, des femmes et des enfants, ainsi que dix ressortissants thaïlandais et un Philippin. Pris en charge par le Comité international de la Croix-Rouge, ils ont traversé le poste-frontière de Rafah vers l'Égypte avant d'être transférés en Israël.

La trêve est entrée en vigueur à 7 heures, heure locale. Pour la première fois depuis le 7 octobre, les armes se sont presque entièrement tues dans l'enclave, où plus de 14 000 personnes ont été tuées selon le ministère de la santé du Hamas. Environ 200 camions d'aide humanitaire sont entrés par Rafah, selon Le Caire.

En France, l'attente reste forte : plusieurs Français et Franco-Israéliens figurent parmi les otages. Le président Emmanuel Macron, qui s'est entretenu avec l'émir du Qatar, a assuré que tout était mis en œuvre pour obtenir leur libération.

Le porte-parole de la diplomatie qatarie, Majed al-Ansari, a estimé que la journée s'était déroulée sans incident majeur et que les libérations se poursuivraient samedi, avec une nouvelle liste d'otages.

L'accord prévoit la libération de 50 otages et de 150 prisonniers palestiniens en quatre jours. Chaque groupe de dix otages supplémentaires pourrait prolonger la trêve d'une journée.
"""),

dict(key="gaza-truce-7", event=3, lang="en", fmt="jsonl", outlet="harbourstandard.co.uk",
     author="Helen Marsh", dt="2023-12-01 18:00:00",
     title="Gaza truce collapses as Israel resumes strikes after seven days",
     body="""
Israel resumed its military offensive in the Gaza Strip on Friday, 1 December, after a seven-day truce with Hamas expired at 7 am without agreement on a further extension. Israel accused Hamas of violating the pause by firing rockets towards Israeli territory shortly before it ended.

"Hamas violated the operational pause, and in addition fired toward Israeli territory," the Israeli military said in a statement, announcing that combat operations had restarted. Israeli jets struck targets in Khan Younis and Rafah in the south, as well as in northern Gaza.

The health ministry in the Hamas-run territory said at least 178 people were killed on the first day of renewed fighting. The Israeli army published a map dividing Gaza into numbered zones and told residents of some areas east of Khan Younis to move towards Rafah.

During the truce, which began on 24 November and was extended twice, 105 hostages were freed - 81 Israelis, 23 Thais and one Filipino - in return for 240 Palestinian prisoners. About 137 hostages are believed to remain in Gaza.

Qatar said negotiations were continuing and that the resumption of bombardment complicates mediation efforts. US Secretary of State Antony Blinken, who was in Israel on Thursday, had urged Israeli leaders to protect civilians in the south, saying the massive loss of civilian life seen in northern Gaza must not be repeated.

UN Secretary-General António Guterres said he deeply regretted that military operations had started again.
"""),

dict(key="gaza-truce-8", event=3, lang="ru", fmt="txt", outlet="vestnik-dnya.ru",
     author="Дмитрий Волков", dt="2023-12-01 20:10:00",
     title="Перемирие в секторе Газа завершилось, Израиль возобновил боевые действия",
     body="""
Армия обороны Израиля в пятницу, 1 декабря 2023 года, возобновила боевые действия в секторе Газа после окончания гуманитарной паузы, которая продолжалась семь дней. Перемирие истекло в 7:00 по местному времени, стороны так и не договорились о его очередном продлении.

В израильской армии заявили, что движение ХАМАС нарушило условия паузы и открыло огонь по территории Израиля. Вскоре после этого израильская авиация нанесла удары по целям в районе Хан-Юниса и Рафаха на юге анклава.

По данным министерства здравоохранения Газы, в первый день после возобновления боёв погибли по меньшей мере 178 человек.

Катар, выступавший главным посредником вместе с Египтом и США, заявил, что переговоры продолжаются, однако возобновление бомбардировок «осложняет усилия посредников».

За время перемирия, которое началось 24 ноября и дважды продлевалось, ХАМАС освободил 105 заложников, в том числе 81 гражданина Израиля, 23 гражданина Таиланда и одного гражданина Филиппин. Израиль в ответ выпустил из тюрем 240 палестинцев.

Среди освобождённых 29 ноября оказались две женщины с российским гражданством; в ХАМАС заявили, что отпустили их с учётом позиции президента России Владимира Путина. Генеральный секретарь ООН Антониу Гутерриш выразил глубокое сожаление в связи с возобновлением военных действий.
"""),
]
