"""BP009-BP011 and the generalised credits: page furniture recognised by its structure, in every
supported language, with exact repairs -- and the ordinary short lines that must stay clean."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check.engine import Auditor
from audit.check.rules.boilerplate._furniture import classify_line
from audit.fix import apply_fixes
from audit.model import Article

AUDITOR = Auditor(select=["BP", "BIO", "LNK"])


def findings(text: str, lang: str | None) -> list:
    doc, _lang, _detected = AUDITOR.make_doc(Article(id="t", text=text, lang=lang))
    return sorted((f for c in AUDITOR.checks for f in c.run(doc)), key=lambda f: f.start)


_PARAGRAPHS = tomllib.loads((Path(__file__).parent / "data" / "boilerplate" / "paragraphs.toml").read_text(encoding="utf-8"))
P1: dict[str, str] = _PARAGRAPHS["P1"]
P2: dict[str, str] = _PARAGRAPHS["P2"]

# (kind, line) per language: forms written for these tests, none taken from the corpus
FORMS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("ad", "ADVERTISEMENT"),
        ("ad", "Story continues below advertisement"),
        ("share", "Share this: Facebook • X • LinkedIn • Email"),
        ("app", "Get alerts on your phone: install the Riverside Post app from Google Play"),
        ("newsletter", "Your morning briefing, free in your inbox. Enter your email | Sign up"),
        ("comment", "Do you agree? Tell us what you think in the comments."),
        ("cookies", "Reject all | Manage cookie settings"),
        ("paywall", "This article is for subscribers only. Already a subscriber? Log in"),
        ("tags", "Topics: housing, rents, city council"),
        ("contact", "Email the author: m.okafor@riverside-post.example"),
        ("read_full", "Read the full story on the Riverside Post website"),
    ],
    "pl": [
        ("ad", "REKLAMA"),
        ("ad", "Dalsza część artykułu pod reklamą"),
        ("share", "Udostępnij: Facebook | X | E-mail"),
        ("app", "Pobierz aplikację Dziennika Pomorskiego i czytaj wiadomości z regionu w telefonie"),
        ("newsletter", "Zapisz się na nasz poranny newsletter. Podaj swój adres e-mail"),
        ("comment", "A wy co o tym myślicie? Dajcie znać w komentarzach."),
        ("cookies", "Odrzuć wszystkie | Ustawienia cookies"),
        ("paywall", "Ten artykuł jest dostępny tylko dla subskrybentów. Wykup dostęp"),
        ("tags", "Tagi: Gdańsk, czynsze, rada miasta"),
        ("contact", "Kontakt z autorem: j.wrona@dziennik-pomorski.example"),
        ("read_full", "Przeczytaj cały artykuł na stronie Dziennika Pomorskiego"),
    ],
    "bg": [
        ("ad", "Реклама"),
        ("share", "Сподели: Facebook | Viber | Имейл"),
        ("app", "Изтеглете приложението на Дунавски вести от Google Play и App Store"),
        ("newsletter", "Абонирайте се за нашия бюлетин. Въведете вашия имейл"),
        ("comment", "Какво мислите вие? Напишете в коментарите."),
        ("cookies", "Приемам всички | Настройки за бисквитки"),
        ("paywall", "Тази статия е достъпна само за абонати."),
        ("tags", "Етикети: Русе, наеми, общински съвет"),
        ("contact", "Пишете на автора: i.petrov@dunavski-vesti.example"),
    ],
    "ro": [
        ("ad", "PUBLICITATE"),
        ("share", "Distribuie: Facebook | WhatsApp | Email"),
        ("app", "Descarcă aplicația Gazeta de Vest din Google Play și App Store"),
        ("newsletter", "Abonează-te la newsletterul nostru. Introdu adresa ta de email"),
        ("comment", "Tu ce părere ai? Lasă-ne un comentariu mai jos."),
        ("cookies", "Acceptă toate | Setări cookie"),
        ("paywall", "Acest articol este disponibil doar pentru abonați."),
        ("tags", "Etichete: Timișoara, chirii, consiliul local"),
        ("contact", "Contact autor: a.ionescu@gazetadevest.example"),
    ],
    "de": [
        ("ad", "Anzeige"),
        ("share", "Teilen: Facebook | X | WhatsApp | E-Mail"),
        ("app", "Laden Sie jetzt die App der Weser-Rundschau aus dem App Store herunter"),
        ("newsletter", "Ihr Morgen-Briefing: Tragen Sie Ihre E-Mail-Adresse ein und erhalten Sie unseren Newsletter"),
        ("comment", "Was meinen Sie? Schreiben Sie uns Ihre Meinung in die Kommentare."),
        ("cookies", "Alle ablehnen | Cookie-Einstellungen"),
        ("paywall", "Dieser Artikel ist nur für Abonnenten verfügbar."),
        ("tags", "Schlagwörter: Bremen, Mieten, Stadtrat"),
        ("contact", "Kontakt zum Autor: k.brandt@weser-rundschau.example"),
    ],
    "es": [
        ("ad", "PUBLICIDAD"),
        ("share", "Compartir: Facebook | X | WhatsApp | Email"),
        ("app", "Descarga la app de Diario del Sur en Google Play y App Store"),
        ("newsletter", "Recibe cada mañana nuestro boletín. Introduce tu correo electrónico"),
        ("comment", "¿Y tú qué opinas? Déjanos tu comentario."),
        ("cookies", "Rechazar todas | Configurar cookies"),
        ("paywall", "Este artículo es exclusivo para suscriptores."),
        ("tags", "Etiquetas: Sevilla, alquileres, pleno municipal"),
        ("contact", "Contacto del autor: p.ruiz@diariodelsur.example"),
    ],
    "fr": [
        ("ad", "Publicité"),
        ("share", "Partager : Facebook | X | WhatsApp | E-mail"),
        ("app", "Téléchargez l'application du Courrier de l'Ouest sur Google Play et l'App Store"),
        ("newsletter", "Recevez chaque matin notre newsletter. Saisissez votre adresse e-mail"),
        ("comment", "Et vous, qu'en pensez-vous ? Dites-le-nous en commentaire."),
        ("cookies", "Tout refuser | Paramétrer les cookies"),
        ("paywall", "Cet article est réservé aux abonnés."),
        ("tags", "Mots-clés : Angers, loyers, conseil municipal"),
        ("contact", "Contacter l'auteur : l.moreau@courrier-ouest.example"),
    ],
    "ru": [
        ("ad", "Реклама"),
        ("share", "Поделиться: ВКонтакте | Telegram | WhatsApp"),
        ("app", "Скачайте приложение «Волжской правды» в Google Play и App Store"),
        ("newsletter", "Подпишитесь на нашу утреннюю рассылку. Введите ваш e-mail"),
        ("comment", "А что думаете вы? Напишите в комментариях."),
        ("cookies", "Принять все | Настройки cookie"),
        ("paywall", "Эта статья доступна только подписчикам."),
        ("tags", "Теги: Самара, аренда, городская дума"),
        ("contact", "Написать автору: a.orlov@volga-pravda.example"),
    ],
    "uk": [
        ("ad", "Реклама"),
        ("share", "Поділитися: Facebook | Telegram | Viber"),
        ("app", "Завантажте застосунок «Подільських новин» з Google Play та App Store"),
        ("newsletter", "Підпишіться на нашу ранкову розсилку. Введіть ваш e-mail"),
        ("comment", "А що думаєте ви? Напишіть у коментарях."),
        ("cookies", "Прийняти все | Налаштування cookie"),
        ("paywall", "Ця стаття доступна лише для передплатників."),
        ("tags", "Теги: Вінниця, оренда, міська рада"),
        ("contact", "Написати автору: o.melnyk@podilski-novyny.example"),
    ],
}
CASES = [(lang, kind, line) for lang, forms in FORMS.items() for kind, line in forms]


@pytest.mark.parametrize(("lang", "kind", "line"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_furniture_between_paragraphs_is_one_warning_deleted_exactly(lang: str, kind: str, line: str) -> None:
    text = f"{P1[lang]}\n\n{line}\n\n{P2[lang]}"
    hits = findings(text, lang)
    assert len(hits) == 1, [(f.check, f.evidence) for f in hits]
    [f] = hits
    assert f.category == "boilerplate" and f.severity == "warning", f
    assert f.evidence == line + "\n\n" and f.replacement == ""
    assert apply_fixes(text, hits)[0] == f"{P1[lang]}\n\n{P2[lang]}"


@pytest.mark.parametrize("lang", list(FORMS))
def test_furniture_block_closing_the_article(lang: str) -> None:
    # several kinds stacked after the story, single line breaks, no trailing newline
    block = [line for kind, line in FORMS[lang] if kind in ("share", "tags", "contact")]
    text = P1[lang] + "\n" + P2[lang] + "\n" + "\n".join(block)
    hits = [f for f in findings(text, lang) if f.severity == "warning"]
    assert len(hits) == len(block)
    fixed, _ = apply_fixes(text, hits)
    assert fixed.rstrip("\n") == P1[lang] + "\n" + P2[lang]


def test_checks_and_messages() -> None:
    text = "\n\n".join([P1["en"], "Advertisement", "Tags: housing, rents", "Contact: a.lee@post.example", P2["en"]])
    by = {f.check: f for f in findings(text, "en")}
    assert sorted(by) == ["BP009", "BP010", "BP011"]
    assert "interface label" in by["BP009"].message and "Advertisement" in by["BP009"].message
    assert by["BP010"].data["tags"] == ["housing", "rents"] and "2 tags" in by["BP010"].message
    assert by["BP011"].data["contact"] == "a.lee@post.example"


@pytest.mark.parametrize(("lang", "line", "check"), [
    ("en", "Councillors during the vote. REUTERS/Toby Melville", "BP003"),
    ("pl", "Radni podczas głosowania. Jan Nowak/EPA", "BP003"),
    ("de", "Foto: Jens Büttner/dpa | Stadträte bei der Abstimmung im Rathaus", "BP003"),
    ("fr", "Photo : Jean Dupont / Les élus lors du vote mardi soir", "BP003"),
    ("es", "Los concejales durante la votación. Getty Images", "BP003"),
    ("ro", "Consilierii locali la vot. Foto © Inquam Photos", "BP003"),
    ("bg", "Снимка: Иван Иванов/БГНЕС | Общинските съветници по време на гласуването", "BP003"),
    ("ru", "Фото: Иван Петров/ТАСС | Депутаты во время голосования", "BP003"),
    ("uk", "Депутати під час голосування. Фото © Укрінформ", "BP003"),
    ("en", "Getty Images", "BP002"),
    ("pl", "Fot. © Shutterstock", "BP002"),
])
def test_new_credit_formats(lang: str, line: str, check: str) -> None:
    text = f"{P1[lang]}\n\n{line}\n\n{P2[lang]}"
    hits = findings(text, lang)
    assert [f.check for f in hits] == [check], [(f.check, f.evidence) for f in hits]
    assert hits[0].evidence == line + "\n\n"
    assert hits[0].severity == ("warning" if check == "BP003" else "info")


NEGATIVES = {
    "en": [
        "Facebook did not respond to a request for comment.",
        "The app has been downloaded five million times on Google Play and the App Store.",
        "“Subscribe to our channel,” the influencer told her followers in the video.",
        "Q: Do you use Facebook? A: Not any more.",
        "14:05 – Police close the bridge to traffic.",
        "Results: Leeds 2 Hull 1, York 0 Bradford 3.",
        "Share prices fell 3 per cent in early trading.",
        "Read the judgment in full, the judge told the jury.",
        "Photographs of the flood were shared thousands of times on social media.",
        "Press contact: Helen Ward, press@riverside-council.example",
        "No.",
    ],
    "pl": [
        "Facebook nie odpowiedział na prośbę o komentarz.",
        "Aplikację pobrało już pięć milionów użytkowników, podało ministerstwo cyfryzacji.",
        "Foto-radar na obwodnicy zarejestrował w weekend 300 wykroczeń.",
        "– Zapiszcie się do biblioteki – apelował burmistrz do mieszkańców.",
        "Wyniki: Legia – Lech 2:1, Wisła – Cracovia 0:0.",
        "12:40 Policja zamyka most dla ruchu.",
        "Kontakt dla mediów: Anna Wiśniewska, biuro.prasowe@urzad.example",
        "Tak.",
    ],
    "bg": [
        "Facebook не отговори на запитването за коментар.",
        "Приложението е изтеглено от над милион потребители, съобщиха от министерството.",
        "„Абонирайте се за канала ни“, призова блогърът своите последователи.",
        "Резултати: Левски – ЦСКА 1:1, Лудогорец – Ботев 3:0.",
    ],
    "ro": [
        "Facebook nu a răspuns solicitării de comentariu.",
        "Aplicația a fost descărcată de peste un milion de utilizatori, a anunțat ministerul.",
        "Rezultate: FCSB – Rapid 2:1, CFR – Craiova 0:0.",
        "Foto-reporterul a fost rănit ușor în timpul protestului.",
    ],
    "de": [
        "Facebook reagierte nicht auf eine Anfrage nach einer Stellungnahme.",
        # an infinitive after "zu" ends a sentence, it is no "kommentieren" button
        "Die Hausverwaltung lehnte es ab, den Ausfall zu kommentieren. Der Aufzugsbetreiber antwortete nicht auf eine Anfrage für einen Kommentar.",
        "Die App wurde bereits fünf Millionen Mal heruntergeladen, teilte das Ministerium mit.",
        "„Folgen Sie mir auf Instagram“, sagte die Influencerin ihren Fans.",
        "Die Datenschutzbehörde prüft, ob die Website Cookies ohne Zustimmung setzt.",
        "Pressekontakt: Jonas Reiter, presse@stadtwerke.example",
        "14:05 Uhr: Die Polizei sperrt die Brücke.",
    ],
    "es": [
        "Facebook no respondió a la solicitud de comentarios.",
        "Sigue la búsqueda de los desaparecidos en la costa de Huelva.",
        "La app ya suma cinco millones de descargas, según el ministerio.",
        "Contacto de prensa: Rocío Martín, prensa@ayuntamiento.example",
    ],
    "fr": [
        "Facebook n'a pas répondu à notre demande de commentaire.",
        "L'application a été téléchargée cinq millions de fois, selon le ministère.",
        "« Abonnez-vous à ma chaîne », a lancé l'influenceuse à ses fans.",
        "Contact presse : Hugo Martel, presse@mairie.example",
    ],
    "ru": [
        "Об этом мэр сообщил в своем Telegram-канале.",
        "Приложение скачали более миллиона пользователей, сообщили в министерстве.",
        "Суд избрал ему меру пресечения в виде подписки о невыезде.",
        "Результаты: «Спартак» – ЦСКА 2:1, «Зенит» – «Локомотив» 0:0.",
    ],
    "uk": [
        "Про це мер повідомив у своєму Telegram-каналі.",
        "Застосунок завантажили понад мільйон користувачів, повідомили в міністерстві.",
        "Контакти для медіа: Денис Коваль, press@rada.example",
    ],
}
NEG_CASES = [(lang, line) for lang, lines in NEGATIVES.items() for line in lines]


@pytest.mark.parametrize(("lang", "line"), NEG_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(NEG_CASES)])
def test_ordinary_lines_are_clean(lang: str, line: str) -> None:
    text = f"{P1[lang]}\n\n{line}\n\n{P2[lang]}"
    assert [(f.check, f.evidence) for f in findings(text, lang) if f.severity != "info"] == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CASES), st.sampled_from(["\n", "\n\n", "\r\n", "\n  \n"]), st.booleans())
def test_repair_removes_exactly_the_furniture_line(case: tuple[str, str, str], sep: str, at_end: bool) -> None:
    lang, _kind, line = case
    parts = [P1[lang], P2[lang], line] if at_end else [P1[lang], line, P2[lang]]
    text = sep.join(parts)
    hits = findings(text, lang)
    assert len(hits) == 1
    fixed, _ = apply_fixes(text, hits)
    assert line not in fixed
    assert P1[lang] in fixed and P2[lang] in fixed
    assert text.replace(hits[0].evidence, "", 1) == fixed


def test_classify_line_is_none_for_long_lines() -> None:
    long = " ".join(["Subscribe to our newsletter"] * 11)
    assert classify_line(long, "en") is None


# the layouts of a newspaper site's page furniture, written for these tests in every language
SITE_FORMS = {
"es": ["Publicidad", "Descarga la app de Diario de Cádiz para recibir nuestras alertas al instante.", "Compartir: Facebook X WhatsApp Correo",
       "Etiquetas: Cádiz, robo, museo, patrimonio, investigación", "Foto: Lucía Gómez / DC – El cauce seco del Guadalete, el lunes",
       "¡Suscríbete a nuestro boletín! Tu correo electrónico: [ ] Quiero suscribirme. Tus datos se tratan según nuestra política de privacidad.",
       "Y tú, ¿cómo ahorras agua? Cuéntanoslo en los comentarios.", "Esta web utiliza cookies. Aceptar todo | Configurar | Continuar sin aceptar",
       "Recibe las noticias más importantes en tu móvil: descarga gratis nuestra aplicación"],
"ro": ["Publicitate", "Descarcă aplicația Ziarul de Iași și primește alertele noastre în timp real.", "Distribuie: Facebook X WhatsApp E-mail",
       "Etichete: Iași, furt, muzeu, patrimoniu, anchetă", "Foto: Andrei Popa / ZI – Albia secată a Bahluiului, luni",
       "Abonează-te la newsletterul nostru! Adresa ta de e-mail: [ ] Mă abonez. Datele tale sunt prelucrate conform politicii de confidențialitate.",
       "Voi cum economisiți apa? Spuneți-ne părerea în comentarii.", "Acest site folosește cookie-uri. Accept toate | Setări | Continuă fără acceptare",
       "Nu rata nicio știre: instalează gratuit aplicația noastră"],
"bg": ["Реклама", "Изтеглете приложението на Бургаски новини и получавайте нашите известия в реално време.", "Сподели: Facebook X Viber Имейл",
       "Етикети: Бургас, кражба, музей, наследство, разследване", "Снимка: Иван Колев / БН – Пресъхналото корито на река Русокастренска, понеделник",
       "Абонирайте се за нашия бюлетин! Вашият имейл: [ ] Абонирам се. Данните ви се обработват съгласно политиката ни за поверителност.",
       "А вие как пестите вода? Споделете мнението си в коментарите.", "Този сайт използва бисквитки. Приемам всички | Настройки | Продължи без приемане",
       "Не пропускайте новините: свалете безплатно нашето приложение"],
"ru": ["Реклама", "Скачайте приложение «Вести Тулы», чтобы получать наши уведомления в реальном времени.", "Поделиться: ВКонтакте Telegram WhatsApp E-mail",
       "Теги: Тула, кража, музей, наследие, расследование", "Фото: Иван Соколов / ВТ – Пересохшее русло реки Упы, понедельник",
       "Подпишитесь на нашу рассылку! Ваш e-mail: [ ] Подписаться. Ваши данные обрабатываются согласно политике конфиденциальности.",
       "А как вы экономите воду? Расскажите в комментариях.", "Этот сайт использует файлы cookie. Принять все | Настройки | Продолжить без принятия",
       "Не пропускайте важное: установите бесплатно наше приложение"],
"uk": ["Реклама", "Завантажте застосунок «Вісті Полтави», щоб отримувати наші сповіщення в реальному часі.", "Поділитися: Facebook Telegram Viber E-mail",
       "Теги: Полтава, крадіжка, музей, спадщина, розслідування", "Фото: Іван Бондар / ВП – Пересохле русло Ворскли, понеділок",
       "Підпишіться на нашу розсилку! Ваш e-mail: [ ] Підписатися. Ваші дані обробляються відповідно до політики конфіденційності.",
       "А як ви економите воду? Напишіть у коментарях.", "Цей сайт використовує файли cookie. Прийняти все | Налаштування | Продовжити без прийняття",
       "Не пропустіть головне: встановіть безкоштовно наш застосунок"],
"pl": ["Pobierz darmową aplikację i otrzymuj powiadomienia o najważniejszych wydarzeniach", "Udostępnij Facebook X WhatsApp",
       "Foto: Jan Nowak / GK – Wyschnięte koryto Warty, poniedziałek", "A wy jak oszczędzacie wodę? Podzielcie się opinią w komentarzach."],
"en": ["Never miss a story: get the free Evening Star app", "Comments", "Photograph: Jane Doe/Evening Star · The dry bed of the River Wear, Monday",
       "How are you saving water? Let us know below."],
"de": ["Keine Eilmeldung verpassen: Laden Sie die kostenlose App herunter", "Foto: Jan Weber / WZ – Das ausgetrocknete Flussbett der Wupper, Montag",
       "Wie sparen Sie Wasser? Diskutieren Sie mit in den Kommentaren!", "Diese Website verwendet Cookies. Alle akzeptieren | Einstellungen"],
"fr": ["Ne manquez rien : téléchargez gratuitement notre application", "Photo : Paul Roux / SO – Le lit asséché de la Charente, lundi",
       "Et vous, comment faites-vous ? Réagissez dans les commentaires."],
}
SITE_CASES = [(lang, line) for lang, lines in SITE_FORMS.items() for line in lines]


@pytest.mark.parametrize(("lang", "line"), SITE_CASES, ids=[f"{c[0]}-site-{i}" for i, c in enumerate(SITE_CASES)])
def test_site_furniture_forms(lang: str, line: str) -> None:
    text = f"{P1[lang]}\n\n{line}\n\n{P2[lang]}"
    hits = findings(text, lang)
    assert [(f.severity, f.evidence) for f in hits] == [("warning", line + "\n\n")], [(f.check, f.evidence) for f in hits]
    assert apply_fixes(text, hits)[0] == f"{P1[lang]}\n\n{P2[lang]}"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Let us not forget the victims of the war."),
    ("en", "Never forget where you came from, the coach told his players."),
    ("pl", "Nie zapominajmy o ofiarach tej wojny."),
    ("de", "Haben Sie schon einmal die App der Stadtwerke ausprobiert?"),
    ("de", "Lesen ist für viele Kinder in den Ferien keine Priorität."),
    ("es", "Déjame en paz, respondió el alcalde a los periodistas."),
    ("fr", "Nous devons protéger notre patrimoine, insiste la maire."),
    ("ru", "Не пропустите: в субботу в парке пройдет концерт духового оркестра."),
])
def test_op_ed_and_question_lines_are_clean(lang: str, line: str) -> None:
    text = f"{P1[lang]}\n\n{line}\n\n{P2[lang]}"
    assert [(f.check, f.evidence) for f in findings(text, lang) if f.severity != "info"] == []
