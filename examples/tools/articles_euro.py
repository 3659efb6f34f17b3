# Story "euro2024": the end of the 2024 European Championship in Germany.
# Original text written for storytrack (CC0). Figures follow public reports of the day;
# quotations are renderings of public statements, not verbatim transcripts.

ARTICLES = [
dict(key="euro2024-1", event=1, lang="es", fmt="txt", outlet="diariocostanorte.es",
     author="Javier Ortega", dt="2024-07-09 23:30:00",
     title="España remonta a Francia y jugará la final de la Eurocopa",
     body="""
La selección española se clasificó este martes 9 de julio para la final de la Eurocopa 2024 tras vencer 2-1 a Francia en el Allianz Arena de Múnich, con goles de Lamine Yamal y Dani Olmo en apenas cuatro minutos. Jugará la final el domingo 14 de julio en el Estadio Olímpico de Berlín.

Francia se adelantó en el minuto 9 con un cabezazo de Randal Kolo Muani a centro de Kylian Mbappé. España reaccionó con personalidad: en el minuto 21, Lamine Yamal recibió en la frontal, se acomodó el balón y lo colocó con la zurda junto al palo. Con 16 años y 362 días, el extremo del Barcelona se convirtió en el goleador más joven de la historia de la Eurocopa.

Cuatro minutos después, Dani Olmo controló dentro del área, recortó a Aurélien Tchouaméni y su disparo, desviado por Jules Koundé, acabó en la red.

El seleccionador, Luis de la Fuente, elogió la fe de sus jugadores para levantarse tras el gol francés y pidió mantener los pies en el suelo antes del último partido. Yamal, que cumple 17 años el sábado, restó importancia a su récord y aseguró que solo piensa en ganar la final.

"Es un fracaso. El objetivo era ser campeones de Europa", reconoció Kylian Mbappé tras el partido.

España, que ha ganado sus seis partidos en el torneo, busca su cuarto título europeo después de los de 1964, 2008 y 2012. En la otra semifinal se enfrentan el miércoles Países Bajos e Inglaterra en Dortmund.
"""),

dict(key="euro2024-2", event=1, lang="en", fmt="gz", outlet="pacificobserver.net",
     author="Tom Whitcombe", dt="2024-07-09 23:50:00",
     title="Yamal makes history as Spain beat France to reach Euro 2024 final",
     body="""
Lamine Yamal became the youngest goalscorer in European Championship history as Spain came from behind to beat France 2-1 in Munich on Tuesday and reach the final of Euro 2024.

France took the lead after nine minutes when Randal Kolo Muani headed in a cross from Kylian Mbappé. But Spain turned the match around with two goals in four minutes. In the 21st minute Yamal, aged 16 years and 362 days, curled a left-footed shot in off the post from 25 metres. In the 25th minute Dani Olmo turned inside Aurélien Tchouaméni and his shot, deflected by Jules Koundé, found the net.

Spain, who have won all six of their matches in Germany, will play for a record fourth European title in Berlin on Sunday, 14 July. They will face either England or the Netherlands, who meet in Dortmund on Wednesday.

The Barcelona winger turns 17 on Saturday, the day before the final. Manager Luis de la Fuente praised the character of his side after they fell behind for the first time in the tournament.

Mbappé, who played with a protective mask after breaking his nose in the opening match against Austria, admitted France had fallen short. "It's a failure. The objective was to be European champions," he said.

Coach Didier Deschamps defended his team, saying they had given everything. France scored only four goals in the tournament, and Kolo Muani's header was the only one scored by a French player from open play.
"""),

dict(key="euro2024-3", event=1, lang="fr", fmt="html", outlet="echos-du-rhone.fr",
     author="Julien Marchand", dt="2024-07-09 23:45:00",
     title="Euro 2024 : les Bleus éliminés par l'Espagne en demi-finale",
     body="""
L'aventure s'arrête en demi-finale pour l'équipe de France. Les Bleus ont été battus 2-1 par l'Espagne mardi soir à Munich et ne disputeront pas la finale de l'Euro 2024, prévue dimanche à Berlin.

Tout avait pourtant bien commencé. Dès la 9e minute, Randal Kolo Muani a ouvert le score d'une tête sur un centre de Kylian Mbappé. Mais la Roja a renversé la rencontre en quatre minutes : une frappe enroulée splendide du jeune Lamine Yamal (21e), devenu à 16 ans le plus jeune buteur de l'histoire de l'Euro, puis un but de Dani Olmo (25e), dont la frappe a été déviée par Jules Koundé.

« C'est un échec. L'objectif était d'être champions d'Europe », a reconnu Kylian Mbappé, qui a disputé le tournoi avec un masque après s'être fracturé le nez contre l'Autriche.

Didier Deschamps a salué la qualité de l'adversaire, estimant que l'Espagne avait mieux maîtrisé le ballon. L'avenir du sélectionneur à la tête des Bleus est désormais en question, même si son contrat court jusqu'en 2026.

La France termine le tournoi avec seulement quatre buts marqués en six matches : deux buts contre leur camp de ses adversaires, un penalty et la tête de Kolo Muani.

L'Espagne affrontera en finale le vainqueur de l'autre demi-finale entre les Pays-Bas et l'Angleterre, mercredi à Dortmund.
"""),

dict(key="euro2024-4", event=2, lang="es", fmt="html", outlet="elmiradorglobal.es",
     author="Lucía Herrera", dt="2024-07-14 23:59:00",
     title="España, campeona de Europa por cuarta vez tras ganar 2-1 a Inglaterra",
     body="""
España es campeona de Europa por cuarta vez en su historia. La selección de Luis de la Fuente derrotó 2-1 a Inglaterra este domingo en el Estadio Olímpico de Berlín y se convierte en la selección con más Eurocopas, por delante de Alemania, que suma tres.

Tras una primera parte sin goles, Nico Williams adelantó a España en el minuto 47 con un disparo cruzado tras un pase de Lamine Yamal. Inglaterra empató en el 73 por medio de Cole Palmer, que había entrado al campo apenas tres minutos antes. Cuando la prórroga parecía inevitable, Mikel Oyarzabal remató en el 86 un centro raso de Marc Cucurella para dar el título a España.

Rodri, que se retiró lesionado al descanso, fue elegido mejor jugador del torneo, y Lamine Yamal, que cumplió 17 años la víspera de la final, recibió el premio al mejor jugador joven.

España ganó sus siete partidos del torneo, algo que ninguna selección había conseguido antes en una Eurocopa, y marcó 15 goles, un récord para una fase final. Más de 65.000 espectadores llenaron el estadio, entre ellos el rey Felipe VI y la infanta Sofía.

Los jugadores serán recibidos el lunes por el rey en el Palacio de la Zarzuela y por el presidente del Gobierno, Pedro Sánchez, en La Moncloa, antes de celebrar el título con la afición en la plaza de Cibeles, en Madrid.

Inglaterra, que ya perdió la final de 2021 ante Italia, sigue sin ganar un gran torneo desde el Mundial de 1966.
"""),

dict(key="euro2024-5", event=2, lang="en", fmt="jsonl", outlet="harbourstandard.co.uk",
     author="Tom Whitcombe", dt="2024-07-14 23:40:00", section="sport",
     title="Oyarzabal strikes late as Spain beat England to win Euro 2024",
     body="""
Spain won the European Championship for a record fourth time on Sunday, 14 July, beating England 2-1 in the final at Berlin's Olympiastadion thanks to a goal from substitute Mikel Oyarzabal four minutes from time.

Nico Williams put Spain ahead two minutes after half-time, sweeping in a low pass from Lamine Yamal. England, who had struggled to keep the ball, equalised in the 73rd minute when Cole Palmer, on the pitch for only three minutes, drove a first-time shot into the corner from outside the box after a lay-off from Jude Bellingham.

But Spain's persistence paid off. In the 86th minute Marc Cucurella crossed from the left and Oyarzabal, who had replaced captain Álvaro Morata, slid the ball past Jordan Pickford. In stoppage time Dani Olmo headed a Marc Guéhi effort off the line to preserve the lead.

The defeat means England have now lost two European Championship finals in a row, after their penalty shoot-out loss to Italy at Wembley in 2021. They have not won a major tournament since the 1966 World Cup.

Spain became the first team to win seven matches at a single European Championship and finished with 15 goals, a tournament record. Midfielder Rodri, who went off injured at half-time, was named player of the tournament, while Yamal, who turned 17 the day before the final, was voted the best young player.

England manager Gareth Southgate said Spain had been the best team of the tournament and deserved their win, and declined to discuss his own future.
"""),

dict(key="euro2024-6", event=2, lang="id", fmt="txt", outlet="wartaharian.id",
     author="Dewi Anggraini", dt="2024-07-15 06:00:00",
     title="Kalahkan Inggris 2-1, Spanyol Juara Euro 2024",
     body="""
Tim nasional Spanyol menjadi juara Piala Eropa 2024 setelah mengalahkan Inggris 2-1 pada laga final di Olympiastadion, Berlin, Minggu (14/7/2024) malam waktu setempat atau Senin dini hari WIB. Gelar ini merupakan yang keempat bagi Spanyol, menjadikannya negara dengan koleksi trofi Euro terbanyak.

Babak pertama berakhir tanpa gol. Dua menit setelah jeda, Nico Williams membawa Spanyol unggul lewat tembakan mendatar memanfaatkan umpan Lamine Yamal. Inggris menyamakan kedudukan pada menit ke-73 melalui tendangan keras Cole Palmer dari luar kotak penalti.

Gol kemenangan Spanyol dicetak pemain pengganti Mikel Oyarzabal pada menit ke-86. Ia menyambut umpan silang mendatar Marc Cucurella dari sisi kiri.

Spanyol tampil sempurna sepanjang turnamen dengan memenangi tujuh laga dan mencetak 15 gol, rekor baru dalam sejarah putaran final Euro. Gelandang Rodri dinobatkan sebagai pemain terbaik turnamen, sementara Lamine Yamal, yang baru berulang tahun ke-17 sehari sebelum final, terpilih sebagai pemain muda terbaik.

Bagi Inggris, kekalahan ini memperpanjang penantian gelar juara turnamen besar sejak Piala Dunia 1966. Tim asuhan Gareth Southgate juga kalah di final Euro 2020 dari Italia lewat adu penalti.

Lebih dari 65.000 penonton memadati stadion, termasuk Raja Spanyol Felipe VI dan Pangeran William, Presiden Asosiasi Sepak Bola Inggris (FA).
"""),

dict(key="euro2024-7", event=2, lang="de", fmt="atom", outlet="rheinblick-zeitung.de",
     author="Jonas Brandt", dt="2024-07-14 23:30:00",
     title="Spanien ist Europameister: 2:1 gegen England im Finale von Berlin",
     body="""
Spanien hat zum vierten Mal die Fußball-Europameisterschaft gewonnen und ist damit alleiniger Rekord-Europameister. Im Finale im Berliner Olympiastadion setzte sich die Mannschaft von Trainer Luis de la Fuente am Sonntagabend mit 2:1 (0:0) gegen England durch.

Nico Williams brachte die Spanier in der 47. Minute nach Vorarbeit von Lamine Yamal in Führung. Der eingewechselte Cole Palmer glich in der 73. Minute mit einem Flachschuss aus rund 20 Metern aus. Vier Minuten vor dem Ende traf der ebenfalls eingewechselte Mikel Oyarzabal nach einer Hereingabe von Marc Cucurella zum Sieg.

Mit drei Titeln lag Spanien bisher gleichauf mit Deutschland. Die deutsche Mannschaft war im Viertelfinale in Stuttgart mit 1:2 nach Verlängerung an den Spaniern gescheitert.

Rodri von Manchester City wurde zum besten Spieler des Turniers gewählt, der gerade 17 Jahre alt gewordene Yamal zum besten jungen Spieler. Spanien gewann als erste Mannschaft der EM-Geschichte alle sieben Turnierspiele und erzielte dabei 15 Tore.

Für England ist es die zweite Finalniederlage in Folge nach 2021. Die Zukunft von Trainer Gareth Southgate ist offen; er wollte sich nach dem Spiel nicht festlegen.

Die Veranstalter zogen eine positive Bilanz des Turniers: Insgesamt kamen rund 2,7 Millionen Zuschauer in die zehn deutschen Stadien.
"""),

dict(key="euro2024-8", event=3, lang="en", fmt="rss", outlet="worldledger.com",
     author="Priya Raman", dt="2024-07-16 12:30:00", section="Sport",
     title="Gareth Southgate resigns as England manager after Euro 2024 final defeat",
     body="""
Gareth Southgate has resigned as England manager, two days after his team lost the Euro 2024 final to Spain in Berlin, the Football Association announced on Tuesday, 16 July.

"As a proud Englishman, it has been the honour of my life to play for England and to manage England," Southgate said in a statement. "But it's time for change, and for a new chapter."

The 53-year-old took charge in 2016 and led England in 102 matches, winning 61 of them. Under him the team reached the semi-finals of the 2018 World Cup in Russia, the final of Euro 2020, the quarter-finals of the 2022 World Cup in Qatar and the Euro 2024 final. Before Southgate, England had reached just one major final in their entire history, the 1966 World Cup.

FA chief executive Mark Bullingham said Southgate had transformed the England team and thanked him for everything he had done. The association said it would begin the process of appointing a successor immediately, with an interim manager possible for the Nations League matches in September.

Southgate's contract was due to run until December. He had said before the tournament that he might leave if England did not win it.

Players including captain Harry Kane paid tribute to him on social media.
"""),

dict(key="euro2024-9", event=3, lang="id", fmt="gz", outlet="kabarnusantara.co.id",
     author="Rina Kusumawati", dt="2024-07-16 20:00:00",
     title="Gareth Southgate Mundur dari Kursi Pelatih Timnas Inggris",
     body="""
Gareth Southgate resmi mengundurkan diri dari jabatan pelatih tim nasional Inggris, Selasa (16/7/2024), dua hari setelah timnya kalah 1-2 dari Spanyol di final Euro 2024 di Berlin.

"Sebagai orang Inggris yang bangga, bermain dan melatih Inggris adalah kehormatan terbesar dalam hidup saya," tulis Southgate dalam pernyataan yang dirilis Asosiasi Sepak Bola Inggris (FA). "Namun, sudah waktunya untuk perubahan dan untuk babak baru."

Pelatih berusia 53 tahun itu menangani Inggris sejak 2016 dalam 102 pertandingan, dengan catatan 61 kemenangan. Di bawah asuhannya, Inggris mencapai semifinal Piala Dunia 2018, final Euro 2020, perempat final Piala Dunia 2022, dan final Euro 2024.

Meski membawa Inggris ke dua final beruntun, Southgate gagal mengakhiri puasa gelar turnamen besar yang sudah berlangsung sejak Piala Dunia 1966. Ia kerap dikritik karena gaya bermain timnya yang dinilai terlalu berhati-hati sepanjang turnamen di Jerman.

Kepala Eksekutif FA Mark Bullingham menyatakan pihaknya akan segera memulai proses pencarian pelatih baru. Kontrak Southgate sebenarnya baru berakhir pada Desember 2024.

Sejumlah nama disebut-sebut sebagai calon pengganti, antara lain Eddie Howe, Graham Potter, dan pelatih tim U-21 Inggris Lee Carsley.
"""),
]
