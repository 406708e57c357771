"""Hand-written labelled articles for the link-block, bio and boilerplate tests (no tests here).

Each ARTICLES entry is a realistic news body in one language on a topic unlike the seeds'
(sport, economy, culture, courts, science, weather), the site's "read also" header in that
language, four headlines of *related* stories (same topic, as a site's own "related" box would
list them) and four headlines of *unrelated* stories (the "latest news" carousel of a content
farm). The relatedness threshold of LNK001/LNK002/BP007 was measured on these (see
``test_links_measure.py``); they are never used by the detectors themselves.
"""

from __future__ import annotations

ARTICLES: list[dict] = [
    {
        "lang": "en",
        "topic": "economy",
        "header": "Related stories",
        "body": (
            "The Bank of England held interest rates at 5.25 per cent on Thursday, pausing a run of fourteen "
            "consecutive increases as inflation eased faster than economists had expected.\n\n"
            "Five members of the Monetary Policy Committee voted to keep rates on hold, while four wanted a "
            "further quarter-point rise, the minutes of the meeting showed.\n\n"
            "Consumer price inflation fell to 6.7 per cent in August, down from 6.8 per cent in July, according "
            "to the Office for National Statistics. Services inflation, which the bank watches closely, also "
            "slowed.\n\n"
            "Governor Andrew Bailey said the committee would keep rates high for as long as needed. \"Inflation "
            "has fallen a lot in recent months, and we think it will continue to do so,\" he said.\n\n"
            "Mortgage lenders welcomed the decision. Several banks said they expected fixed-rate deals to become "
            "cheaper in the coming weeks, although borrowers coming off older deals still face much higher "
            "monthly payments.\n\n"
            "Markets now expect the bank's next move to be a cut, probably in the second half of next year."
        ),
        "related": [
            "Inflation falls to 6.7% as petrol and food prices ease",
            "Mortgage rates: what the Bank of England pause means for borrowers",
            "Bailey warns interest rates will stay high for some time",
            "Monetary Policy Committee split five to four on rates decision",
        ],
        "unrelated": [
            "Hurricane Lee makes landfall in Nova Scotia, knocking out power to thousands",
            "Manchester United boss defends summer signings after derby defeat",
            "Celebrity chef opens vegan restaurant in converted Cornish chapel",
            "Scientists discover new species of deep-sea octopus off Costa Rica",
        ],
    },
    {
        "lang": "en",
        "topic": "courts",
        "header": "Read more",
        "body": (
            "A former hospital manager was jailed for six years on Friday for defrauding the health service of "
            "more than two million pounds through fake invoices for cleaning contracts.\n\n"
            "Judge Helen Matthews told Southwark Crown Court that the 54-year-old had abused a position of trust "
            "over almost a decade. The jury had convicted him of fraud and money laundering after a seven-week "
            "trial.\n\n"
            "Prosecutors said he created three companies that billed the hospital trust for cleaning work that was "
            "never carried out. The money was used to buy two flats in London and a holiday villa in Portugal.\n\n"
            "His lawyer argued that the defendant had repaid part of the money and had a spotless record before the "
            "offences. The judge said the fraud had deprived patients of resources.\n\n"
            "The trust said it had changed its procurement rules and now checks every supplier's invoices twice. "
            "Police are seeking to confiscate the properties under the Proceeds of Crime Act."
        ),
        "related": [
            "Hospital manager convicted of £2m cleaning contract fraud",
            "Police move to seize flats bought with stolen health service money",
            "Hospital trust tightens procurement rules after invoice fraud",
            "Jury hears how fake cleaning companies billed trust for years",
        ],
        "unrelated": [
            "Taylor Swift announces extra dates for European tour",
            "Heatwave warning issued for southern Spain as temperatures hit 44C",
            "Apple unveils new iPhone with titanium frame and USB-C port",
            "Ten best beaches in Greece for a late summer holiday",
        ],
    },
    {
        "lang": "pl",
        "topic": "sport",
        "header": "Czytaj także",
        "body": (
            "Reprezentacja Polski siatkarzy wygrała w Rzymie mistrzostwa Europy, pokonując w finale Włochów 3:0. "
            "To pierwszy od czternastu lat tytuł mistrzów kontynentu dla biało-czerwonych.\n\n"
            "Podopieczni Nikoli Grbicia kontrolowali przebieg spotkania od pierwszej piłki. W pierwszym secie "
            "Polacy wygrali do 20, w drugim do 21, a w trzecim do 22.\n\n"
            "Najlepszym zawodnikiem turnieju wybrano atakującego Kamila Semeniuka. \"To zwycięstwo całej drużyny, "
            "każdy dołożył swoją cegiełkę\" - mówił po meczu siatkarz.\n\n"
            "Trener Grbić podkreślał, że jego zespół przyjechał do Włoch po złoto. \"Wiedzieliśmy, że gramy u "
            "gospodarzy, przed pełną halą. Chłopaki wytrzymali presję\" - powiedział Serb.\n\n"
            "Polscy siatkarze są teraz mistrzami świata i Europy oraz zwycięzcami Ligi Narodów. Kolejnym celem "
            "drużyny jest kwalifikacja olimpijska, o którą zagra w przyszłym miesiącu w Chinach."
        ),
        "related": [
            "Siatkarze w finale mistrzostw Europy. Polska pokonała Słowenię",
            "Kamil Semeniuk MVP turnieju. \"Gramy dla kibiców\"",
            "Nikola Grbić o finale z Włochami: Presja jest po stronie gospodarzy",
            "Kwalifikacje olimpijskie siatkarzy w Chinach. Znamy terminarz",
        ],
        "unrelated": [
            "Ceny mieszkań w Warszawie znowu w górę. Metr kosztuje ponad 16 tysięcy złotych",
            "Burze i grad nad południem kraju. IMGW wydał ostrzeżenia",
            "Nowy serial Netfliksa bije rekordy oglądalności w Polsce",
            "Sąd uchylił decyzję wojewody w sprawie budowy spalarni",
        ],
    },
    {
        "lang": "pl",
        "topic": "courts",
        "header": "Zobacz też",
        "body": (
            "Sąd Okręgowy w Krakowie skazał byłego prezesa spółdzielni mieszkaniowej na cztery lata więzienia za "
            "przywłaszczenie ponad 3 mln zł z funduszu remontowego.\n\n"
            "Według prokuratury oskarżony przez siedem lat zlecał fikcyjne remonty firmom należącym do członków "
            "swojej rodziny. Pieniądze trafiały następnie na prywatne konta.\n\n"
            "Sędzia Anna Wilk w uzasadnieniu podkreśliła, że mieszkańcy spółdzielni przez lata płacili za remonty, "
            "które nigdy nie zostały wykonane. Oskarżony musi też zwrócić spółdzielni całą kwotę.\n\n"
            "Obrońca byłego prezesa zapowiedział apelację. Jego zdaniem sąd nie uwzględnił opinii biegłego, który "
            "wskazywał na błędy w dokumentacji księgowej.\n\n"
            "Sprawa wyszła na jaw po kontroli przeprowadzonej przez nową radę nadzorczą spółdzielni w 2021 roku."
        ),
        "related": [
            "Prezes spółdzielni oskarżony o przywłaszczenie funduszu remontowego",
            "Fikcyjne remonty w krakowskiej spółdzielni. Prokuratura kieruje akt oskarżenia",
            "Rada nadzorcza spółdzielni zawiadamia prokuraturę",
            "Mieszkańcy spółdzielni chcą odzyskać pieniądze z funduszu remontowego",
        ],
        "unrelated": [
            "Iga Świątek awansowała do ćwierćfinału turnieju w Pekinie",
            "Rekordowe upały w Hiszpanii. Turyści mdleją na ulicach",
            "Premiera nowego albumu Dawida Podsiadły. Fani ustawiają się w kolejkach",
            "Naukowcy odkryli nowy gatunek żaby w Amazonii",
        ],
    },
    {
        "lang": "bg",
        "topic": "economy",
        "header": "Прочетете още",
        "body": (
            "Българската народна банка повиши задължителните минимални резерви на търговските банки от 10 на 12 "
            "процента, съобщиха от централната банка.\n\n"
            "Мярката влиза в сила от 1 юли и има за цел да ограничи бързия растеж на кредитите и инфлацията в "
            "страната. Годишната инфлация през май беше 8,5 процента според Националния статистически институт.\n\n"
            "Управителят на БНБ Димитър Радев заяви, че банковата система остава стабилна и ликвидна. \"Решението "
            "е превантивно и е свързано с подготовката за членство в еврозоната\", каза той.\n\n"
            "Икономисти очакват лихвите по кредитите да се повишат леко през следващите месеци. Търговските банки "
            "ще трябва да държат повече средства в централната банка.\n\n"
            "България се стреми да приеме еврото от 1 януари 2025 година, но високата инфлация остава основна "
            "пречка пред изпълнението на критериите."
        ),
        "related": [
            "Инфлацията през май се забави до 8,5 процента",
            "Радев: Банковата система е стабилна и ликвидна",
            "Лихвите по кредитите в България ще се повишат",
            "Кога България ще влезе в еврозоната",
        ],
        "unrelated": [
            "Левски победи ЦСКА в дербито на София",
            "Горещо време в цялата страна, температурите достигат 38 градуса",
            "Нов филм на български режисьор спечели награда в Кан",
            "Катастрофа на магистрала Тракия затвори движението към Бургас",
        ],
    },
    {
        "lang": "ro",
        "topic": "culture",
        "header": "Citește și",
        "body": (
            "Festivalul Internațional de Film Transilvania s-a încheiat sâmbătă seara la Cluj-Napoca cu gala de "
            "premiere, în care marele trofeu a revenit unui film documentar despre viața într-un sat din Maramureș.\n\n"
            "Juriul, condus de regizoarea Ada Solomon, a apreciat \"sinceritatea și răbdarea\" cu care regizorul a "
            "urmărit timp de trei ani o familie de crescători de oi.\n\n"
            "Ediția din acest an a adus la Cluj peste 130.000 de spectatori, un record pentru festival. Organizatorii "
            "au proiectat aproape 200 de filme în 12 săli și în mai multe spații în aer liber.\n\n"
            "Premiul pentru cea mai bună regie a fost câștigat de un cineast iranian, iar premiul publicului a mers "
            "la o comedie românească despre o nuntă la țară.\n\n"
            "Directorul festivalului, Mihai Chirilov, a anunțat că ediția de anul viitor va avea o secțiune dedicată "
            "filmului de animație."
        ),
        "related": [
            "TIFF 2023: Lista completă a filmelor din competiție",
            "Ada Solomon, președinta juriului de la Festivalul Transilvania",
            "Record de spectatori la TIFF: peste 130.000 de oameni la Cluj",
            "Comedia despre o nuntă la țară, premiul publicului la festival",
        ],
        "unrelated": [
            "Prețul benzinei crește din nou de luni. Cât costă un litru",
            "Simona Halep, noi detalii despre procesul de dopaj",
            "Cod galben de ploi torențiale în jumătate din țară",
            "Guvernul pregătește noi măsuri fiscale pentru firme",
        ],
    },
    {
        "lang": "de",
        "topic": "science",
        "header": "Mehr zum Thema",
        "body": (
            "Forscher des Max-Planck-Instituts für Astronomie haben mit dem James-Webb-Weltraumteleskop Wasserdampf "
            "in der Scheibe um einen jungen Stern nachgewiesen.\n\n"
            "Der Stern mit der Bezeichnung PDS 70 ist etwa 370 Lichtjahre von der Erde entfernt. In seiner "
            "Staubscheibe entstehen derzeit mindestens zwei Planeten, wie frühere Beobachtungen gezeigt hatten.\n\n"
            "Das Wasser befindet sich nach Angaben der Wissenschaftler in der inneren Zone der Scheibe, in der sich "
            "erdähnliche Gesteinsplaneten bilden könnten. \"Das ist ein wichtiger Hinweis darauf, wie Planeten wie "
            "die Erde zu ihrem Wasser kommen\", sagte die Astronomin Giulia Perotti.\n\n"
            "Die Ergebnisse wurden in der Fachzeitschrift Nature veröffentlicht. Das Teleskop soll die Scheibe in "
            "den kommenden Monaten erneut beobachten.\n\n"
            "Das James-Webb-Teleskop ist seit Juli 2022 im Einsatz und gilt als leistungsfähigstes Observatorium im "
            "Weltraum."
        ),
        "related": [
            "James-Webb-Teleskop entdeckt Kohlendioxid in der Atmosphäre eines Exoplaneten",
            "Wie entstehen Planeten? Neue Bilder aus der Staubscheibe von PDS 70",
            "Max-Planck-Astronomen finden Wasser bei jungem Stern",
            "Ein Jahr James Webb: Die spektakulärsten Aufnahmen des Weltraumteleskops",
        ],
        "unrelated": [
            "Bundesliga: Bayern München verliert überraschend gegen Bochum",
            "Bahnstreik: GDL kündigt neuen Ausstand für Freitag an",
            "Heizungsgesetz: Was Hausbesitzer jetzt wissen müssen",
            "Oktoberfest 2023: Bierpreis steigt auf über 14 Euro",
        ],
    },
    {
        "lang": "es",
        "topic": "weather",
        "header": "Te puede interesar",
        "body": (
            "La Agencia Estatal de Meteorología ha activado el aviso rojo por lluvias torrenciales en el litoral de "
            "Valencia, donde se esperan hasta 180 litros por metro cuadrado en doce horas.\n\n"
            "Una dana situada al oeste de la península provocará tormentas muy fuertes durante la tarde del martes "
            "y la madrugada del miércoles, según la previsión de Aemet.\n\n"
            "Los ayuntamientos de Gandía y Cullera han suspendido las clases y han pedido a los vecinos que eviten "
            "desplazamientos innecesarios. La Generalitat ha enviado una alerta a los teléfonos móviles de la zona.\n\n"
            "\"Es un episodio de lluvias excepcional, con riesgo de inundaciones en zonas bajas y cauces secos\", "
            "explicó el portavoz de Aemet, Rubén del Campo.\n\n"
            "Los servicios de emergencia han rescatado a una decena de personas atrapadas en sus coches en una "
            "carretera inundada cerca de Sueca."
        ),
        "related": [
            "Aemet eleva a rojo el aviso por lluvias en Valencia",
            "Qué es una dana y por qué provoca tormentas tan intensas",
            "Gandía y Cullera suspenden las clases por el temporal",
            "Rescatadas diez personas atrapadas en sus coches por las inundaciones en Sueca",
        ],
        "unrelated": [
            "El Real Madrid gana al Atlético con un gol en el último minuto",
            "Sube el precio de la luz este jueves: las horas más baratas",
            "Muere a los 89 años el actor que protagonizó la serie más vista de los ochenta",
            "Hacienda devolverá la renta antes de lo previsto",
        ],
    },
    {
        "lang": "fr",
        "topic": "courts",
        "header": "Lire aussi",
        "body": (
            "Le tribunal correctionnel de Marseille a condamné mardi un ancien adjoint au maire à trois ans de prison, "
            "dont un ferme, pour détournement de fonds publics dans une affaire de subventions à des associations.\n\n"
            "Selon l'accusation, l'élu avait versé plus de 400 000 euros à des associations fictives dirigées par "
            "des proches entre 2015 et 2019.\n\n"
            "Le tribunal a également prononcé une peine d'inéligibilité de cinq ans et une amende de 50 000 euros. "
            "\"Ces faits ont gravement porté atteinte à la confiance des citoyens\", a déclaré la présidente.\n\n"
            "L'avocat de l'ancien élu a annoncé son intention de faire appel, estimant que son client avait agi "
            "\"dans l'intérêt des quartiers\".\n\n"
            "La municipalité, partie civile, a obtenu le remboursement des subventions détournées."
        ),
        "related": [
            "Subventions détournées à Marseille : l'ancien adjoint jugé pour détournement de fonds",
            "Associations fictives : la mairie de Marseille se porte partie civile",
            "Procès de l'ancien élu marseillais : le parquet requiert de la prison ferme",
            "Détournement de fonds publics : ce que risque l'ancien adjoint au maire",
        ],
        "unrelated": [
            "Coupe du monde de rugby : le XV de France écrase l'Uruguay",
            "Prix des carburants : le gazole repasse au-dessus de 2 euros",
            "Canicule : vigilance orange dans douze départements",
            "Le nouveau film de Luc Besson en tête du box-office",
        ],
    },
    {
        "lang": "ru",
        "topic": "sport",
        "header": "Читайте также",
        "body": (
            "Санкт-петербургский \"Зенит\" обыграл московский \"Спартак\" со счетом 2:1 в матче десятого тура "
            "Российской премьер-лиги и вернулся на первое место в турнирной таблице.\n\n"
            "Счет в первом тайме открыл бразильский нападающий Педро, а после перерыва \"Спартак\" сравнял счет "
            "усилиями Промеса. Победный мяч на 84-й минуте забил Малком.\n\n"
            "Главный тренер \"Зенита\" Сергей Семак после игры отметил, что его команда заслужила победу. "
            "\"Ребята действовали самоотверженно до последней минуты\", сказал он на пресс-конференции.\n\n"
            "В составе \"Спартака\" на 70-й минуте был удален защитник, что, по мнению специалистов, повлияло на "
            "исход встречи.\n\n"
            "Следующий матч \"Зенит\" проведет на своем поле против \"Краснодара\", а \"Спартак\" отправится в "
            "гости к ЦСКА."
        ),
        "related": [
            "Семак назвал главную проблему \"Зенита\" перед матчем со \"Спартаком\"",
            "Малком принес \"Зениту\" победу в матче со \"Спартаком\"",
            "\"Спартак\" остался без защитника на игру с ЦСКА",
            "Турнирная таблица РПЛ после десятого тура",
        ],
        "unrelated": [
            "Курс доллара превысил 97 рублей впервые с марта",
            "В Москве ожидаются заморозки и мокрый снег",
            "Названы самые популярные направления для отдыха осенью",
            "Суд арестовал бывшего замминистра по делу о взятке",
        ],
    },
    {
        "lang": "uk",
        "topic": "economy",
        "header": "Читайте також",
        "body": (
            "Національний банк України знизив облікову ставку з 25 до 22 відсотків річних, повідомила пресслужба "
            "регулятора.\n\n"
            "Рішення ухвалили на тлі стрімкого сповільнення інфляції, яка в серпні опустилася до 8,6 відсотка. "
            "Правління НБУ очікує, що до кінця року зростання цін залишиться в межах прогнозу.\n\n"
            "Голова Нацбанку Андрій Пишний заявив, що банківська система працює стабільно, а міжнародні резерви "
            "перебувають на рекордному рівні. \"Ми бачимо простір для подальшого пом'якшення політики\", - сказав він.\n\n"
            "Банкіри очікують, що ставки за депозитами та кредитами почнуть поступово знижуватися вже в жовтні.\n\n"
            "Наступне засідання правління НБУ з питань монетарної політики відбудеться 26 жовтня."
        ),
        "related": [
            "Інфляція в Україні у серпні сповільнилася до 8,6%",
            "Пишний: міжнародні резерви НБУ на рекордному рівні",
            "Як зміняться ставки за депозитами після рішення Нацбанку",
            "НБУ оновив прогноз інфляції до кінця року",
        ],
        "unrelated": [
            "Збірна України з футболу перемогла Англію у відборі",
            "Синоптики попередили про грози та град на заході країни",
            "У Львові відкрили нову галерею сучасного мистецтва",
            "Суд заарештував чиновника Міноборони у справі про закупівлі",
        ],
    },
]
