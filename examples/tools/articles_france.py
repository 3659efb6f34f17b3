# Story "france-vote": the snap French legislative election of June-July 2024.
# Original text written for storytrack (CC0). Figures follow public reports of the day;
# quotations are renderings of public statements, not verbatim transcripts.

ARTICLES = [
dict(key="france-vote-1", event=1, lang="fr", fmt="txt", outlet="lequotidienlibre.fr",
     author="Claire Dumont", dt="2024-06-09 22:30:00",
     title="Emmanuel Macron dissout l'Assemblée nationale après la victoire du RN aux européennes",
     body="""
Coup de tonnerre dimanche 9 juin au soir : une heure à peine après la publication des premières estimations des élections européennes, le président Emmanuel Macron a annoncé la dissolution de l'Assemblée nationale et la convocation d'élections législatives anticipées. Le premier tour aura lieu le 30 juin et le second le 7 juillet.

La liste du Rassemblement national, conduite par Jordan Bardella, est arrivée largement en tête avec environ 31,4 % des voix, plus du double du score de la liste de la majorité présidentielle menée par Valérie Hayer (14,6 %). La liste socialiste de Raphaël Glucksmann a obtenu près de 13,8 %.

« J'ai décidé de vous redonner le choix de notre avenir parlementaire par le vote », a déclaré le chef de l'État dans une allocution depuis l'Élysée. « La montée des nationalistes et des démagogues est un danger pour notre nation, mais aussi pour notre Europe. »

Jordan Bardella avait réclamé cette dissolution dès son discours de victoire. « Nous sommes prêts à exercer le pouvoir si les Français nous font confiance », a lancé Marine Le Pen devant les militants réunis à Paris.

À gauche, plusieurs responsables ont aussitôt appelé à l'union. Il s'agit de la première dissolution depuis celle décidée par Jacques Chirac en 1997. La campagne officielle ne durera que trois semaines, du jamais-vu sous la Ve République.
"""),

dict(key="france-vote-2", event=1, lang="en", fmt="gz", outlet="harbourstandard.co.uk",
     author="Tom Whitcombe", dt="2024-06-09 23:05:00",
     title="Macron calls snap election after far right routs his camp in EU vote",
     body="""
French President Emmanuel Macron dissolved the National Assembly on Sunday night and called a snap parliamentary election, after Marine Le Pen's far-right National Rally (RN) beat his centrist alliance by a wide margin in the European Parliament election.

The RN list, led by 28-year-old Jordan Bardella, won about 31.4% of the vote, according to projections, against 14.6% for Macron's Renaissance-led list headed by Valérie Hayer. The Socialists, led by Raphaël Glucksmann, came close behind with around 13.8%.

Speaking from the Élysée Palace about an hour after polls closed, Macron said he could not act as if nothing had happened. "I have decided to give you back the choice of our parliamentary future through the vote," he said. The first round will be held on 30 June and the run-off on 7 July.

The gamble stunned members of his own party. The president's term runs until 2027, but a defeat could force him to share power with a prime minister from the opposition, an arrangement the French call "cohabitation".

"We are ready to exercise power if the French give us their confidence," Le Pen told supporters in Paris.

Across the European Union, centre-right and centre-left groups kept a majority in the new parliament, but nationalist parties made strong gains. In Germany, the AfD came second with about 16%, ahead of all three parties of Chancellor Olaf Scholz's coalition, and in Austria the Freedom Party came first.
"""),

dict(key="france-vote-3", event=2, lang="fr", fmt="html", outlet="lequotidienlibre.fr",
     author="Claire Dumont", dt="2024-06-30 23:40:00",
     title="Législatives : le RN en tête du premier tour, participation record",
     body="""
Le Rassemblement national et ses alliés sont arrivés en tête du premier tour des élections législatives anticipées, dimanche 30 juin, avec 33,2 % des suffrages exprimés, selon les résultats publiés par le ministère de l'Intérieur. Le Nouveau Front populaire (NFP), l'alliance de gauche constituée au lendemain de la dissolution, obtient 28 %, devant le camp présidentiel Ensemble, relégué à 20 %.

La participation a atteint 66,7 %, un niveau inédit pour un premier tour de législatives depuis 1997. Dès ce premier tour, 76 députés ont été élus, dont 39 pour le RN et ses alliés et 32 pour le NFP.

« Rien n'est acquis », a prévenu Marine Le Pen, elle-même réélue dès le premier tour dans le Pas-de-Calais. Elle a appelé les électeurs à donner une majorité absolue au RN pour que Jordan Bardella devienne Premier ministre.

À gauche, Jean-Luc Mélenchon a annoncé que les candidats insoumis arrivés en troisième position se retireraient partout où le RN est en tête. Le Premier ministre Gabriel Attal a lancé un appel comparable : « Pas une voix ne doit aller au Rassemblement national », a-t-il déclaré devant Matignon.

Plus de 300 circonscriptions pourraient connaître des triangulaires au second tour, prévu le 7 juillet. Les candidats ont jusqu'à mardi soir pour confirmer leur maintien ou leur retrait. La majorité absolue à l'Assemblée est fixée à 289 sièges sur 577.
"""),

dict(key="france-vote-4", event=2, lang="en", fmt="jsonl", outlet="worldledger.com",
     author="Priya Raman", dt="2024-07-01 06:00:00", section="world",
     title="France's far right wins first round of snap election, eyes majority",
     body="""
Marine Le Pen's National Rally and its allies won the first round of France's snap parliamentary election on Sunday with 33.2% of the vote, putting the far right within reach of power for the first time since the Second World War.

The New Popular Front, a left-wing alliance formed only three weeks ago, came second with 28%, according to Interior Ministry figures published overnight. President Emmanuel Macron's centrist Ensemble bloc trailed in third place with about 20%. Turnout was 66.7%, the highest in a first round of legislative elections since 1997.

Pollsters projected that the RN could win between 230 and 280 of the 577 seats in the National Assembly after the run-off on 7 July, short of or just at the 289 needed for an absolute majority.

"Democracy has spoken, and the French have all but wiped out the Macronist bloc," Le Pen told cheering supporters in Hénin-Beaumont, where she was re-elected outright.

Macron urged voters to form a broad, clearly democratic and republican alliance against the far right in the second round. Prime Minister Gabriel Attal said: "Not a single vote must go to the National Rally."

Jordan Bardella, the RN's 28-year-old president, has said he will only accept the post of prime minister if his party wins an absolute majority. The euro edged higher in early Asian trading as investors judged the result less extreme than some had feared.
"""),

dict(key="france-vote-5", event=2, lang="de", fmt="atom", outlet="rheinblick-zeitung.de",
     author="Jonas Brandt", dt="2024-07-01 14:20:00",
     title="Frankreich: Rechtsnationale gewinnen erste Runde der Parlamentswahl",
     body="""
Bei der vorgezogenen Parlamentswahl in Frankreich hat das rechtsnationale Rassemblement National (RN) die erste Runde klar gewonnen. Die Partei von Marine Le Pen kam am Sonntag gemeinsam mit ihren Verbündeten auf 33,2 Prozent der Stimmen, wie das Innenministerium in Paris mitteilte. Das linke Bündnis Nouveau Front populaire erreichte 28 Prozent, das Lager von Präsident Emmanuel Macron nur rund 20 Prozent.

Die Wahlbeteiligung lag mit 66,7 Prozent so hoch wie seit 1997 nicht mehr. Macron hatte die Nationalversammlung am 9. Juni nach der Niederlage seines Lagers bei der Europawahl aufgelöst.

"Noch ist nichts gewonnen", sagte Le Pen vor Anhängern in ihrer Hochburg Hénin-Beaumont. Sie wurde dort bereits im ersten Durchgang wiedergewählt. Der 28 Jahre alte Parteichef Jordan Bardella soll Premierminister werden, falls das RN eine absolute Mehrheit erhält.

In Berlin zeigte sich Bundeskanzler Olaf Scholz am Montag besorgt über das Ergebnis. Frankreich ist Deutschlands wichtigster Partner in der Europäischen Union; ein Regierungschef aus dem RN würde die Zusammenarbeit in Brüssel deutlich erschweren.

Die Stichwahlen finden am 7. Juli statt. Entscheidend wird sein, ob sich Kandidaten der Linken und der Mitte in den Wahlkreisen zurückziehen, in denen sie auf dem dritten Platz liegen, um einen Sieg des RN zu verhindern. Für eine absolute Mehrheit sind 289 der 577 Sitze nötig.
"""),

dict(key="france-vote-6", event=3, lang="fr", fmt="gz", outlet="lequotidienlibre.fr",
     author="Claire Dumont", dt="2024-07-07 23:55:00",
     title="Second tour des législatives : le Nouveau Front populaire en tête, le RN troisième",
     body="""
Contre toute attente, le Nouveau Front populaire est arrivé en tête du second tour des élections législatives, dimanche 7 juillet, devant le camp présidentiel. Le Rassemblement national et ses alliés, grands favoris après le premier tour, ne terminent qu'en troisième position.

Selon les résultats du ministère de l'Intérieur, l'alliance de gauche obtient 182 sièges, la coalition présidentielle Ensemble 168 et le RN et ses alliés 143. Aucun bloc n'approche la majorité absolue de 289 sièges, ce qui ouvre une période d'incertitude inédite sous la Ve République. La participation s'est établie à 66,6 %.

« Le président a le devoir d'appeler le Nouveau Front populaire à gouverner », a lancé Jean-Luc Mélenchon, le leader de La France insoumise, quelques minutes après 20 heures.

Le Premier ministre Gabriel Attal a annoncé qu'il remettrait sa démission au président de la République lundi matin, tout en se disant prêt à assurer la continuité de l'État « aussi longtemps que le devoir l'exigera ».

Jordan Bardella a dénoncé une « alliance du déshonneur » entre la gauche et le camp macroniste, qui ont organisé plus de 200 désistements entre les deux tours pour faire barrage au RN. « La marée monte. Elle n'est pas montée assez haut cette fois-ci, mais elle continue à monter », a réagi Marine Le Pen.

L'Élysée a fait savoir que le chef de l'État attendrait la « structuration » de la nouvelle Assemblée pour prendre les décisions nécessaires.
"""),

dict(key="france-vote-7", event=3, lang="id", fmt="txt", outlet="kabarnusantara.co.id",
     author="Dewi Anggraini", dt="2024-07-08 08:15:00",
     title="Koalisi Kiri Menang Mengejutkan di Pemilu Prancis, Sayap Kanan Jauh di Posisi Ketiga",
     body="""
Aliansi partai-partai kiri Prancis, Front Populer Baru (NFP), secara mengejutkan meraih kursi terbanyak dalam putaran kedua pemilihan umum legislatif yang digelar Minggu (7/7/2024). Partai sayap kanan jauh Rassemblement National (RN), yang unggul pada putaran pertama sepekan sebelumnya, justru tertahan di posisi ketiga.

Berdasarkan hasil Kementerian Dalam Negeri Prancis, NFP memperoleh 182 kursi, koalisi tengah pendukung Presiden Emmanuel Macron, Ensemble, meraih 168 kursi, sedangkan RN dan sekutunya mendapat 143 kursi. Tidak ada kubu yang mencapai mayoritas mutlak sebanyak 289 dari 577 kursi Majelis Nasional.

Tingkat partisipasi pemilih tercatat 66,6 persen, salah satu yang tertinggi dalam beberapa dekade.

"Presiden wajib meminta Front Populer Baru untuk memerintah," kata pemimpin partai La France Insoumise, Jean-Luc Mélenchon, di hadapan pendukungnya di Paris.

Perdana Menteri Gabriel Attal menyatakan akan mengajukan pengunduran dirinya kepada Presiden Macron pada Senin pagi. Sementara itu, Ketua RN Jordan Bardella menuding partai-partai kiri dan tengah membentuk "aliansi yang memalukan" karena lebih dari 200 kandidat mundur dari putaran kedua demi menghadang RN.

Macron membubarkan parlemen pada 9 Juni lalu setelah partainya kalah telak dari RN dalam pemilu Parlemen Eropa. Para analis memperkirakan Prancis akan menghadapi masa tawar-menawar politik yang panjang untuk membentuk pemerintahan baru, tepat menjelang pembukaan Olimpiade Paris pada 26 Juli.
"""),

dict(key="france-vote-8", event=3, lang="es", fmt="html", outlet="elmiradorglobal.es",
     author="Lucía Herrera", dt="2024-07-08 00:30:00",
     title="La izquierda gana las legislativas francesas y frena a la extrema derecha",
     body="""
El Nuevo Frente Popular, la coalición de izquierdas formada hace apenas un mes, ganó este domingo la segunda vuelta de las elecciones legislativas en Francia, en un resultado que casi nadie había previsto. La extrema derecha de Marine Le Pen, que partía como favorita, quedó en tercer lugar.

Según los resultados del Ministerio del Interior, la izquierda obtiene 182 escaños; el bloque centrista del presidente Emmanuel Macron, 168, y la Agrupación Nacional (RN) y sus aliados, 143. Ninguna fuerza se acerca a la mayoría absoluta de 289 diputados en una Asamblea Nacional de 577 escaños. La participación alcanzó el 66,6 %.

"El presidente tiene el deber de llamar al Nuevo Frente Popular a gobernar", proclamó Jean-Luc Mélenchon, líder de La Francia Insumisa. El primer ministro, Gabriel Attal, anunció que presentará su dimisión el lunes.

Jordan Bardella, presidente de la RN, calificó de "alianza de la deshonra" los más de 200 desistimientos de candidatos de izquierda y del centro que se retiraron para cerrar el paso a su partido.

En Madrid, el presidente del Gobierno, Pedro Sánchez, celebró el resultado en la red social X: "Esta semana, dos de los países más importantes de Europa han elegido el mismo camino que eligió España hace un año: rechazo a la ultraderecha y apuesta decidida por una izquierda social".

Macron deberá ahora designar a un primer ministro capaz de sobrevivir a una moción de censura, a menos de tres semanas de la inauguración de los Juegos Olímpicos de París.
"""),
]
