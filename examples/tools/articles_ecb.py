# Story "ecb": European Central Bank rate decisions of September 2023, June 2024 and
# September 2024. Original text written for storytrack (CC0). Figures follow public
# reports of the day; quotations are renderings of public statements, not verbatim.

ARTICLES = [
dict(key="ecb-1", event=1, lang="de", fmt="atom", outlet="rheinblick-zeitung.de",
     author="Katrin Vogel", dt="2023-09-14 16:00:00",
     title="EZB erhöht Leitzins zum zehnten Mal in Folge auf Rekordniveau",
     body="""
Die Europäische Zentralbank (EZB) hat die Zinsen im Euroraum erneut angehoben. Der Einlagensatz, zu dem Banken überschüssiges Geld bei der Notenbank parken, steigt um 0,25 Prozentpunkte auf 4,00 Prozent und damit auf den höchsten Stand seit Einführung des Euro im Jahr 1999. Der Hauptrefinanzierungssatz klettert auf 4,50 Prozent, wie die EZB am Donnerstag in Frankfurt mitteilte.

Es ist die zehnte Zinserhöhung in Folge seit Juli 2022. Zugleich deutete der EZB-Rat an, dass der Höhepunkt erreicht sein könnte: Die Leitzinsen hätten ein Niveau erreicht, das – lange genug beibehalten – einen erheblichen Beitrag zur Rückkehr der Inflation zum Zielwert leisten werde.

"Wir können nicht sagen, dass wir jetzt am Gipfel sind", schränkte EZB-Präsidentin Christine Lagarde auf der Pressekonferenz ein. Die Entscheidung sei von einer soliden Mehrheit im Rat getragen worden.

Die Volkswirte der EZB erwarten für dieses Jahr eine Inflationsrate von 5,6 Prozent, für 2024 von 3,2 Prozent und für 2025 von 2,1 Prozent. Die Wachstumsprognose wurde deutlich gesenkt: Für 2023 rechnet die Notenbank nur noch mit 0,7 Prozent.

Sparer dürfen sich über höhere Zinsen freuen, für Häuslebauer und Unternehmen werden Kredite dagegen noch teurer. An den Märkten wurde die Entscheidung als Signal für ein Ende der Zinserhöhungen gedeutet: Der Euro gab deutlich nach und fiel auf rund 1,07 Dollar.
"""),

dict(key="ecb-2", event=1, lang="en", fmt="txt", outlet="worldledger.com",
     author="Helen Marsh", dt="2023-09-14 15:30:00",
     title="ECB raises rates to record high but signals it may be done",
     body="""
The European Central Bank raised interest rates for the tenth consecutive time on Thursday, 14 September 2023, lifting its deposit rate to a record 4% in its fight against stubborn inflation, but signalled that this could be the last increase.

The bank's governing council, meeting in Frankfurt, raised all three of its key rates by a quarter of a percentage point. The main refinancing rate now stands at 4.50% and the marginal lending rate at 4.75%. The deposit rate is the highest since the euro was launched in 1999.

In its statement, the ECB said rates had reached levels that, "maintained for a sufficiently long duration, will make a substantial contribution to the timely return of inflation to the target". President Christine Lagarde told reporters that a solid majority of policymakers had backed the increase, though some would have preferred to pause.

"We can't say that now we are at peak," she said, stressing that future decisions would depend on the data.

ECB staff now expect inflation to average 5.6% this year, 3.2% in 2024 and 2.1% in 2025, still above the 2% target. They cut their forecast for economic growth in 2023 to 0.7%.

Markets took the message as a sign that the tightening cycle was over. The euro fell almost 1% against the dollar, to about $1.065, and yields on government bonds dropped. Euro area inflation stood at 5.3% in August.
"""),

dict(key="ecb-3", event=1, lang="id", fmt="html", outlet="wartaharian.id",
     author="Bayu Pratama", dt="2023-09-14 21:00:00",
     title="Bank Sentral Eropa Naikkan Suku Bunga ke Level Tertinggi dalam Sejarah Euro",
     body="""
Bank Sentral Eropa (ECB) kembali menaikkan suku bunga acuannya sebesar 25 basis poin pada Kamis (14/9/2023). Dengan kenaikan ini, suku bunga fasilitas simpanan (deposit facility rate) mencapai 4 persen, level tertinggi sejak mata uang euro diperkenalkan pada 1999.

Ini merupakan kenaikan kesepuluh secara beruntun sejak Juli 2022. Suku bunga operasi refinancing utama naik menjadi 4,50 persen, sedangkan suku bunga fasilitas pinjaman marjinal menjadi 4,75 persen.

"Kami tidak bisa mengatakan bahwa sekarang kami sudah berada di puncak," kata Presiden ECB Christine Lagarde dalam konferensi pers di Frankfurt, Jerman. Meski demikian, ECB dalam pernyataannya menyebut tingkat suku bunga saat ini, jika dipertahankan cukup lama, akan memberikan kontribusi besar untuk menurunkan inflasi ke target 2 persen.

Staf ECB memproyeksikan inflasi zona euro rata-rata 5,6 persen pada 2023, 3,2 persen pada 2024, dan 2,1 persen pada 2025. Proyeksi pertumbuhan ekonomi tahun ini dipangkas menjadi 0,7 persen.

Keputusan ini ikut dicermati di Jakarta. Sejumlah ekonom menilai sinyal ECB bahwa siklus kenaikan suku bunga mendekati akhir dapat mengurangi tekanan terhadap nilai tukar rupiah. Bank Indonesia sendiri mempertahankan BI-Rate di level 5,75 persen sejak Januari 2023.

Nilai tukar euro melemah hampir 1 persen terhadap dolar AS setelah pengumuman tersebut.
"""),

dict(key="ecb-4", event=2, lang="de", fmt="jsonl", outlet="mainufer-nachrichten.de",
     author="Jonas Brandt", dt="2024-06-06 17:00:00", section="wirtschaft",
     title="Zinswende im Euroraum: EZB senkt erstmals seit fast fünf Jahren die Leitzinsen",
     body="""
Die Europäische Zentralbank hat die Zinswende eingeleitet. Zum ersten Mal seit September 2019 senkt sie ihre Leitzinsen: Der Einlagensatz sinkt um 0,25 Prozentpunkte auf 3,75 Prozent, der Hauptrefinanzierungssatz auf 4,25 Prozent. Das gab die Notenbank am Donnerstag nach der Sitzung des EZB-Rats in Frankfurt bekannt.

Seit September 2023 hatte die EZB den Einlagensatz auf dem Rekordniveau von 4,00 Prozent gehalten. Inzwischen ist die Inflation im Euroraum deutlich gesunken, auf 2,6 Prozent im Mai. Im Oktober 2022 hatte sie noch bei 10,6 Prozent gelegen.

EZB-Präsidentin Christine Lagarde betonte jedoch, dass damit kein fester Kurs für weitere Senkungen vorgegeben sei. "Wir legen uns nicht im Voraus auf einen bestimmten Zinspfad fest", sagte sie. Die Entscheidungen würden weiterhin von Sitzung zu Sitzung getroffen. Ein Ratsmitglied stimmte gegen die Senkung; nach eigenen Angaben war es der österreichische Notenbankchef Robert Holzmann.

Zugleich hob die EZB ihre Inflationsprognosen leicht an: Für 2024 erwartet sie nun 2,5 Prozent und für 2025 2,2 Prozent.

Für Sparer bedeutet die Entscheidung, dass Tagesgeldzinsen sinken dürften. Immobilienkäufer können auf etwas günstigere Kredite hoffen, auch wenn die Bauzinsen einen Teil der Senkung bereits vorweggenommen haben.

Die US-Notenbank Federal Reserve hält ihre Zinsen dagegen vorerst auf dem höchsten Stand seit 23 Jahren.
"""),

dict(key="ecb-5", event=2, lang="es", fmt="gz", outlet="diariocostanorte.es",
     author="Javier Ortega", dt="2024-06-06 18:00:00",
     title="El BCE baja los tipos de interés por primera vez en casi cinco años",
     body="""
El Banco Central Europeo (BCE) recortó este jueves los tipos de interés por primera vez desde 2019. El Consejo de Gobierno, reunido en Fráncfort, rebajó en 25 puntos básicos el tipo de la facilidad de depósito, que queda en el 3,75 %, y el tipo de las operaciones principales de financiación, que baja al 4,25 %.

"Es apropiado moderar ahora el grado de restricción de la política monetaria", explicó la presidenta del BCE, Christine Lagarde, en la rueda de prensa. Sin embargo, advirtió de que la institución no se compromete de antemano con una senda concreta de tipos.

La decisión, que fue apoyada por todos los miembros del Consejo salvo uno, llega después de que la inflación de la eurozona bajara al 2,6 % en mayo, muy lejos del 10,6 % registrado en octubre de 2022.

El recorte tendrá efectos en España, donde buena parte de las hipotecas son a tipo variable y están ligadas al euríbor, que ya había comenzado a descender en los últimos meses anticipando la decisión. El vicepresidente del BCE, el español Luis de Guindos, había defendido en las semanas previas que el recorte estaba justificado.

El ministro de Economía, Carlos Cuerpo, valoró positivamente la decisión del organismo.

Los analistas esperan que el BCE sea prudente con nuevas bajadas, ya que los salarios y los precios de los servicios siguen creciendo con fuerza. La próxima reunión de política monetaria será el 18 de julio.
"""),

dict(key="ecb-6", event=2, lang="fr", fmt="html", outlet="lequotidienlibre.fr",
     author="Claire Dumont", dt="2024-06-06 19:00:00",
     title="La BCE abaisse ses taux pour la première fois depuis 2019",
     body="""
La Banque centrale européenne (BCE) a abaissé jeudi 6 juin ses taux directeurs d'un quart de point, une première depuis près de cinq ans. Le taux de dépôt, principal outil de sa politique monétaire, passe de 4 % à 3,75 %. Le taux de refinancement est ramené à 4,25 % et celui de la facilité de prêt marginal à 4,50 %.

Après dix hausses consécutives entre juillet 2022 et septembre 2023 pour combattre une inflation record, l'institution de Francfort estime que les prix sont désormais mieux maîtrisés. L'inflation dans la zone euro est redescendue à 2,6 % en mai, contre 10,6 % en octobre 2022.

La politique monétaire reste néanmoins restrictive, a souligné la présidente de la BCE, Christine Lagarde, qui a refusé de s'engager sur le calendrier des prochaines baisses. « Nous ne nous engageons pas à l'avance sur une trajectoire de taux particulière », a-t-elle déclaré.

Le gouverneur de la Banque de France, François Villeroy de Galhau, avait plaidé ces dernières semaines pour une baisse dès juin, suivie d'autres au cours de l'année.

Pour les ménages français, l'effet devrait se faire sentir progressivement sur les taux des crédits immobiliers, qui avaient dépassé 4 % fin 2023. Les économistes tablent sur une ou deux nouvelles baisses d'ici à la fin de l'année.

La BCE a relevé légèrement ses prévisions d'inflation, à 2,5 % pour 2024 et 2,2 % pour 2025.
"""),

dict(key="ecb-7", event=3, lang="en", fmt="rss", outlet="worldledger.com",
     author="Helen Marsh", dt="2024-09-12 15:00:00", section="Business",
     title="ECB cuts rates again as euro zone inflation eases",
     body="""
The European Central Bank cut its deposit rate by a quarter of a percentage point to 3.50% on Thursday, 12 September, its second reduction this year, as inflation in the euro zone moved closer to its 2% target and economic growth remained weak.

As announced in March, the bank also narrowed the gap between its deposit rate and the rate at which it lends to banks in its main refinancing operations. That rate fell by 0.60 percentage points to 3.65%, and the marginal lending rate to 3.90%, in a technical change that takes effect on 18 September.

"We are not pre-committing to a particular rate path," ECB President Christine Lagarde told a news conference in Frankfurt, repeating that decisions would be taken meeting by meeting, based on the data.

Euro area inflation fell to 2.2% in August, the lowest in three years. ECB staff still expect inflation to average 2.5% in 2024, 2.2% in 2025 and 1.9% in 2026. They trimmed their growth forecast for this year to 0.8%.

The decision was widely expected. Investors are now focused on whether the bank will cut again at its October meeting, and on the US Federal Reserve, which is expected to begin lowering its own rates next week.

The ECB first cut rates in June, after holding them at a record high for nine months.
"""),

dict(key="ecb-8", event=3, lang="es", fmt="jsonl", outlet="elmiradorglobal.es",
     author="Lucía Herrera", dt="2024-09-12 17:30:00",
     title="El BCE recorta de nuevo los tipos y deja la facilidad de depósito en el 3,5 %",
     body="""
El Banco Central Europeo (BCE) aprobó este jueves su segunda bajada de tipos de interés del año. El tipo de la facilidad de depósito, la referencia que utiliza la institución para guiar su política monetaria, baja 25 puntos básicos, hasta el 3,50 %.

Además, como ya había anunciado en marzo, el BCE estrechó la diferencia entre sus tipos oficiales. El tipo de las operaciones principales de financiación cae 60 puntos básicos, hasta el 3,65 %, y la facilidad marginal de crédito se sitúa en el 3,90 %. Los cambios entran en vigor el 18 de septiembre.

"No nos comprometemos de antemano con una senda de tipos concreta", repitió Christine Lagarde en la conferencia de prensa celebrada en Fráncfort. La presidenta del BCE insistió en que las decisiones se tomarán reunión a reunión y en función de los datos.

La inflación de la eurozona se moderó al 2,2 % en agosto, su nivel más bajo en tres años. Los técnicos del BCE mantienen su previsión de inflación del 2,5 % para 2024 y rebajan ligeramente la de crecimiento, hasta el 0,8 %.

En España, el euríbor a doce meses, principal índice de referencia para las hipotecas, se situó en agosto en torno al 3,17 % de media, lo que supone un alivio para quienes deban revisar su préstamo en los próximos meses.

Los analistas dan por hecho que la Reserva Federal de Estados Unidos comenzará a bajar sus tipos la próxima semana.
"""),
]
