# Story "quake": the Turkey-Syria earthquakes of February 2023.
# Original text written for storytrack (CC0). Figures follow public reports of the day;
# quotations are renderings of public statements, not verbatim transcripts.

ARTICLES = [
dict(key="quake-1", event=1, lang="en", fmt="txt", outlet="harbourstandard.co.uk",
     author="Helen Marsh", dt="2023-02-06 18:40:00",
     title="Two powerful earthquakes kill thousands across southern Turkey and northern Syria",
     body="""
A magnitude 7.8 earthquake struck southern Turkey before dawn on Monday, 6 February 2023, toppling thousands of buildings in cities close to the Syrian border and killing more than 4,300 people in the two countries by Monday evening, according to officials.

The first shock hit at 04:17 local time near Pazarcık in Kahramanmaraş province, when most residents were asleep. A second quake of magnitude 7.5 followed at 13:24 near Elbistan, about 100 kilometres to the north, bringing down buildings that had been weakened in the morning.

Turkey's disaster agency AFAD said 2,921 people had died in ten provinces, including Gaziantep, Hatay, Adıyaman, Malatya and Diyarbakır. In Syria, the health ministry in Damascus and rescue workers in the rebel-held north-west together reported more than 1,400 deaths.

"We are going through one of the biggest disasters in the history of our republic," President Recep Tayyip Erdoğan told reporters in Ankara, announcing seven days of national mourning. He said 45 countries had offered search and rescue teams.

Rescuers dug through concrete with their bare hands in freezing rain. In Hatay, families waited beside collapsed apartment blocks, calling out the names of relatives. Raed al-Saleh, head of the Syria Civil Defence, known as the White Helmets, said his teams were in a race against time to reach people trapped under rubble in Idlib and Aleppo provinces.

The World Health Organization warned that the toll could rise several times over as rescuers reached the worst-hit areas.
"""),

dict(key="quake-2", event=1, lang="id", fmt="jsonl", outlet="kabarnusantara.co.id",
     author="Rina Kusumawati", dt="2023-02-06 21:15:00", section="internasional",
     title="Gempa Magnitudo 7,8 Guncang Turki dan Suriah, Ribuan Orang Tewas",
     body="""
Gempa bumi berkekuatan magnitudo 7,8 mengguncang wilayah selatan Turki dan utara Suriah pada Senin (6/2/2023) dini hari waktu setempat. Hingga Senin malam, jumlah korban tewas di kedua negara dilaporkan telah melampaui 4.300 orang.

Menurut Badan Penanggulangan Bencana dan Darurat Turki (AFAD), guncangan pertama terjadi pukul 04.17 waktu setempat dengan pusat gempa di dekat Pazarcık, Provinsi Kahramanmaraş. Sekitar sembilan jam kemudian, gempa kedua bermagnitudo 7,5 melanda kawasan Elbistan.

"Kita sedang menghadapi salah satu bencana terbesar dalam sejarah republik ini," kata Presiden Turki Recep Tayyip Erdoğan di Ankara. Ia menetapkan masa berkabung nasional selama tujuh hari.

AFAD mencatat 2.921 orang meninggal di sepuluh provinsi, sementara di Suriah lebih dari 1.400 orang dilaporkan tewas, baik di wilayah yang dikuasai pemerintah maupun di barat laut yang dikuasai kelompok oposisi.

Kementerian Luar Negeri RI menyatakan terus memantau keadaan warga negara Indonesia di wilayah terdampak. Duta Besar RI untuk Turki, Lalu Muhammad Iqbal, mengatakan KBRI Ankara telah membuka posko dan berusaha menghubungi ratusan WNI yang tinggal di provinsi-provinsi yang terkena gempa.

Tim penyelamat masih bekerja di tengah cuaca dingin dan hujan untuk mencari korban yang tertimbun reruntuhan. Ribuan warga memilih bermalam di jalan, masjid, dan di dalam mobil karena takut akan gempa susulan.
"""),

dict(key="quake-3", event=1, lang="ar", fmt="html", outlet="nabd-alsharq.net",
     author="ليلى حداد", dt="2023-02-06 20:00:00", slug="zilzal-turkiya-suriya-alaf-alqatla",
     title="زلزال مدمر يضرب جنوب تركيا وشمال سوريا ويوقع آلاف القتلى",
     body="""
ضرب زلزال بقوة 7.8 درجات جنوب تركيا وشمال سوريا فجر يوم الاثنين 6 شباط/فبراير 2023، ما أدى إلى انهيار آلاف المباني ومقتل أكثر من 4300 شخص في البلدين، بحسب حصيلة أولية مساء اليوم نفسه.

ووقع الزلزال الأول في الساعة 4:17 صباحاً بالتوقيت المحلي قرب بلدة بازارجيك في ولاية كهرمان مرعش، ثم تلاه زلزال ثانٍ بقوة 7.5 درجات بعد الظهر قرب مدينة البستان.

وفي سوريا، أعلنت وزارة الصحة في دمشق مقتل 711 شخصاً على الأقل في محافظات حلب وحماة واللاذقية وطرطوس، فيما قال الدفاع المدني السوري (الخوذ البيضاء) إن 733 شخصاً لقوا حتفهم في مناطق شمال غرب البلاد الخاضعة لسيطرة المعارضة.

وقال رائد الصالح، مدير الدفاع المدني السوري، إن فرقه في سباق مع الزمن لإنقاذ العالقين تحت الأنقاض، مشيراً إلى أن المعدات المتوفرة لا تكفي، وناشد المنظمات الدولية تقديم مساعدات عاجلة.

وفي تركيا، قال الرئيس رجب طيب أردوغان إن 2921 شخصاً لقوا حتفهم، معلناً الحداد الوطني لمدة سبعة أيام. وأضاف: "نحن نمر بواحدة من أكبر الكوارث في تاريخ جمهوريتنا"، موضحاً أن 45 دولة عرضت إرسال فرق بحث وإنقاذ.

وتعيق الأمطار والبرد القارس عمليات الإنقاذ، في حين لجأ آلاف السكان إلى الشوارع والمساجد والسيارات خوفاً من الهزات الارتدادية. وحذرت منظمة الصحة العالمية من أن عدد الضحايا قد يرتفع بشكل كبير خلال الأيام المقبلة.
"""),

dict(key="quake-4", event=1, lang="de", fmt="atom", outlet="rheinblick-zeitung.de",
     author="Katrin Vogel", dt="2023-02-06 16:05:00",
     title="Schweres Erdbeben in der Türkei und Syrien: Tausende Tote befürchtet",
     body="""
Ein Erdbeben der Stärke 7,8 hat am frühen Montagmorgen den Südosten der Türkei und den Norden Syriens erschüttert. Nach Angaben der türkischen Katastrophenschutzbehörde AFAD lag das Epizentrum nahe der Kleinstadt Pazarcık in der Provinz Kahramanmaraş. Am Mittag folgte ein zweites Beben der Stärke 7,5 in der Region Elbistan.

Bis zum Nachmittag meldeten die Behörden beider Länder mehr als 2.600 Tote; die Zahl dürfte weiter steigen. In vielen Städten stürzten mehrstöckige Wohnhäuser ein, Tausende Menschen werden unter den Trümmern vermutet.

Präsident Recep Tayyip Erdoğan sprach von der schwersten Katastrophe seit dem Erdbeben von Erzincan im Jahr 1939. In Syrien berichteten die Rettungskräfte der Weißhelme von ganzen Straßenzügen, die in den Provinzen Idlib und Aleppo in Trümmern lägen.

Bundesinnenministerin Nancy Faeser kündigte an, dass das Technische Hilfswerk einen Einsatz vorbereite. Auch Bundeskanzler Olaf Scholz sagte Hilfe zu: "Selbstverständlich schickt Deutschland Hilfe", schrieb er am Vormittag.

In Deutschland leben rund drei Millionen Menschen mit türkischen Wurzeln. Viele versuchten am Montag vergeblich, Angehörige in Gaziantep, Adana oder Hatay zu erreichen, weil Telefonnetze zusammengebrochen waren.

Die Rettungsarbeiten werden durch Regen, Schnee und Temperaturen um den Gefrierpunkt erschwert. Hilfsorganisationen riefen zu Spenden auf.
"""),

dict(key="quake-5", event=2, lang="en", fmt="jsonl", outlet="pacificobserver.net",
     author="Daniel Okafor", dt="2023-02-20 23:10:00",
     title="New 6.4 quake hits Turkey's Hatay province two weeks after deadly disaster",
     body="""
A magnitude 6.4 earthquake shook Turkey's southern Hatay province on Monday evening, 20 February, killing at least three people and injuring more than 200, exactly two weeks after the twin quakes that devastated the region.

The tremor struck at 20:04 local time with its epicentre in the district of Defne, near the city of Antakya, according to AFAD. It was felt in Syria, Lebanon and as far away as Egypt. Interior Minister Süleyman Soylu said several buildings that had already been damaged collapsed, trapping people inside, and that rescue teams had been sent to the scene.

Soylu urged residents not to enter damaged buildings under any circumstances. Many of the city's remaining inhabitants were already sleeping in tents or cars.

The new shock came as the death toll from the 6 February earthquakes rose to 41,156 in Turkey alone, according to AFAD. Together with the deaths reported in Syria, about 5,800, the overall number exceeds 47,000.

US Secretary of State Antony Blinken, who toured the disaster zone by helicopter on Sunday with Turkish Foreign Minister Mevlüt Çavuşoğlu, announced an additional $100 million in American humanitarian aid.

"It's going to take a massive effort to rebuild," Blinken said, adding that the United States would stand with Turkey for as long as it takes.

In Syria's Aleppo, residents rushed into the streets when the aftershock hit, state media reported. Several people were injured in the panic.
"""),

dict(key="quake-6", event=2, lang="id", fmt="txt", outlet="wartaharian.id",
     author="Bayu Pratama", dt="2023-02-21 07:30:00",
     title="Gempa Susulan M6,4 Kembali Guncang Hatay, Tiga Orang Meninggal",
     body="""
Gempa bumi bermagnitudo 6,4 kembali mengguncang Provinsi Hatay, Turki selatan, pada Senin (20/2/2023) pukul 20.04 waktu setempat. Gempa ini terjadi tepat dua pekan setelah bencana besar yang menewaskan puluhan ribu orang di Turki dan Suriah.

Menteri Dalam Negeri Turki Süleyman Soylu mengatakan sedikitnya tiga orang meninggal dunia dan 213 lainnya luka-luka. Menurut AFAD, pusat gempa berada di Kecamatan Defne, dekat kota Antakya. Guncangan juga dirasakan hingga Suriah, Lebanon, dan Mesir.

Soylu mengimbau warga agar sama sekali tidak memasuki bangunan yang sudah rusak. Beberapa bangunan yang sebelumnya sudah retak dilaporkan runtuh. Warga yang tinggal di tenda-tenda pengungsian berhamburan keluar, sementara tim penyelamat kembali menyisir reruntuhan.

Sementara itu, jumlah korban jiwa akibat gempa 6 Februari terus bertambah. AFAD mencatat 41.156 orang meninggal di Turki, sedangkan di Suriah jumlahnya diperkirakan sekitar 5.800 jiwa. Dengan demikian, total korban tewas di kedua negara telah melampaui 47.000 orang.

Sehari sebelumnya, Menteri Luar Negeri Amerika Serikat Antony Blinken meninjau wilayah bencana dengan helikopter bersama Menlu Turki Mevlüt Çavuşoğlu. "Dibutuhkan upaya yang sangat besar untuk membangun kembali," kata Blinken, yang mengumumkan tambahan bantuan kemanusiaan senilai 100 juta dolar AS.

Pemerintah Turki memperkirakan ratusan ribu unit rumah harus dibangun ulang. Presiden Recep Tayyip Erdoğan berjanji pembangunan kembali akan dimulai dalam beberapa pekan.
"""),

dict(key="quake-7", event=3, lang="en", fmt="rss", outlet="worldledger.com",
     author="Priya Raman", dt="2023-03-20 19:30:00", section="World",
     title="Donors pledge €7 billion for Turkey and Syria at Brussels conference",
     body="""
International donors pledged a total of €7 billion on Monday, 20 March, to help Turkey and Syria recover from the earthquakes of 6 February, at a conference in Brussels hosted by the European Commission and Sweden, which holds the rotating presidency of the Council of the EU.

Of the total, €6.05 billion was promised for Turkey and €950 million for Syria, the Commission said. The European Union itself pledged €1 billion for reconstruction in Turkey and €108 million in humanitarian aid for Syria.

"When a disaster of this scale strikes, nobody can face it alone," Commission President Ursula von der Leyen told delegates, adding that the world was standing by the people of Turkey and Syria.

Turkey estimates the total damage at $103.6 billion, or roughly 9% of its expected national income for 2023, and says more than 50,000 people died in the country. In Syria, some 6,000 deaths have been recorded, most of them in the north-west, which is outside the control of the government in Damascus.

Turkish officials thanked donors but said the needs far exceeded the sums raised. Swedish Prime Minister Ulf Kristersson said the money would help rebuild homes, schools and hospitals.

Aid agencies welcomed the pledges, but warned that Syrians in rebel-held areas still face shortages of shelter, clean water and medicine after more than a decade of war.
"""),

dict(key="quake-8", event=3, lang="fr", fmt="html", outlet="echos-du-rhone.fr",
     author="Julien Marchand", dt="2023-03-20 20:15:00",
     title="Séismes en Turquie et en Syrie : les donateurs promettent 7 milliards d'euros",
     body="""
La communauté internationale s'est engagée lundi 20 mars à Bruxelles à verser 7 milliards d'euros pour aider la Turquie et la Syrie à se relever des séismes du 6 février, qui ont fait plus de 56 000 morts dans les deux pays.

La conférence des donateurs, organisée par la Commission européenne et la présidence suédoise du Conseil de l'UE, a permis de réunir 6,05 milliards d'euros pour la Turquie et 950 millions d'euros pour la Syrie. L'Union européenne à elle seule a promis 1 milliard d'euros pour la reconstruction en Turquie.

« Face à une catastrophe d'une telle ampleur, personne ne peut faire face seul », a déclaré la présidente de la Commission, Ursula von der Leyen. Elle a rappelé que des villes entières, comme Antakya, devaient être reconstruites.

Selon les autorités turques, le coût des destructions s'élève à 103,6 milliards de dollars, soit environ 9 % du revenu national attendu pour 2023. Plus de 50 000 personnes sont mortes en Turquie, et environ 6 000 en Syrie, principalement dans le nord-ouest du pays, contrôlé par des groupes rebelles.

Pour la Syrie, l'acheminement de l'aide reste délicat. Les organisations humanitaires réclament un accès durable par les points de passage de Bab al-Hawa et de Bab al-Salama, depuis la Turquie.

La France avait déjà envoyé des sauveteurs de la Sécurité civile et installé un hôpital de campagne à Adıyaman, l'une des provinces les plus touchées.
"""),
]
