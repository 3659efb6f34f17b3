#!/usr/bin/python3
"""Writes examples/corpus/* and examples/gold.jsonl from the articles_*.py files.

The article texts live once, in articles_<story>.py; this script only lays them out
in the six input formats (plain text, JSON Lines, gzipped JSON Lines, HTML pages, an
RSS 2.0 feed, an Atom feed) so that a fix to one text reaches every format and the
gold labels cannot drift from the files. Output is deterministic (sorted, gzip
without a timestamp), so re-running it on unchanged input changes no byte.

Run from anywhere: /usr/bin/python3 examples/tools/build_corpus.py
"""
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
import zlib
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave no __pycache__ in the tree
sys.path.insert(0, HERE)
import articles_brics  # noqa: E402
import articles_ecb  # noqa: E402
import articles_euro  # noqa: E402
import articles_france  # noqa: E402
import articles_gaza  # noqa: E402
import articles_quake  # noqa: E402

EXAMPLES = os.path.dirname(HERE)
CORPUS = os.path.join(EXAMPLES, "corpus")

ARTICLES = (articles_quake.ARTICLES + articles_france.ARTICLES + articles_brics.ARTICLES +
            articles_gaza.ARTICLES + articles_euro.ARTICLES + articles_ecb.ARTICLES)

# Made-up outlets: display name, URL pattern, default section.
OUTLETS = {
    "worldledger.com": ("World Ledger", "https://www.worldledger.com/{section}/{y}/{m}/{d}/{slug}", "world"),
    "harbourstandard.co.uk": ("The Harbour Standard", "https://www.harbourstandard.co.uk/news/{y}/{m}/{d}/{slug}", "news"),
    "pacificobserver.net": ("Pacific Observer", "https://pacificobserver.net/article/{y}{m}{d}-{slug}", "world"),
    "kabarnusantara.co.id": ("Kabar Nusantara", "https://www.kabarnusantara.co.id/{section}/{y}/{m}/{d}/{slug}", "internasional"),
    "wartaharian.id": ("Warta Harian", "https://wartaharian.id/read/{y}/{m}/{d}/{slug}", "dunia"),
    "rheinblick-zeitung.de": ("Rheinblick Zeitung", "https://www.rheinblick-zeitung.de/{section}/{slug}-{num}.html", "nachrichten"),
    "mainufer-nachrichten.de": ("Mainufer Nachrichten", "https://www.mainufer-nachrichten.de/{section}/{slug}", "wirtschaft"),
    "lequotidienlibre.fr": ("Le Quotidien libre", "https://www.lequotidienlibre.fr/{section}/article/{y}/{m}/{d}/{slug}", "politique"),
    "echos-du-rhone.fr": ("Les Échos du Rhône", "https://www.echos-du-rhone.fr/{y}/{m}/{d}/{slug}/", "monde"),
    "elmiradorglobal.es": ("El Mirador Global", "https://www.elmiradorglobal.es/{section}/{y}-{m}-{d}/{slug}.html", "internacional"),
    "diariocostanorte.es": ("Diario Costa Norte", "https://diariocostanorte.es/noticia/{slug}", "actualidad"),
    "novosti-vostok.ru": ("Новости Восток", "https://novosti-vostok.ru/news/{y}/{m}/{d}/{slug}/", "mir"),
    "vestnik-dnya.ru": ("Вестник дня", "https://vestnik-dnya.ru/{y}/{m}/{d}/{slug}", "mir"),
    "nabd-alsharq.net": ("نبض الشرق", "https://www.nabd-alsharq.net/news/{y}/{m}/{d}/{slug}", "akhbar"),
    "almanara-daily.com": ("المنارة", "https://almanara-daily.com/ar/{y}/{m}/{d}/{slug}", "siyasa"),
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}

# Page furniture per language: the noise an extractor has to drop.
UI = {
    "en": dict(locale="en_GB", nav=["World", "Politics", "Business", "Sport", "Opinion"],
               cookie="We use cookies to improve your experience and to show you relevant advertising. You can change your choices at any time.",
               accept="Accept all", related="More from World", by="By", read_also="Read more:",
               rights="All rights reserved.", contact="Contact us", privacy="Privacy policy"),
    "fr": dict(locale="fr_FR", nav=["International", "Politique", "Économie", "Sport", "Idées"],
               cookie="Nous utilisons des cookies pour mesurer l'audience et vous proposer des publicités adaptées. Vous pouvez modifier vos choix à tout moment.",
               accept="Tout accepter", related="À lire aussi", by="Par", read_also="Lire aussi :",
               rights="Tous droits réservés.", contact="Nous contacter", privacy="Données personnelles"),
    "es": dict(locale="es_ES", nav=["Internacional", "España", "Economía", "Deportes", "Opinión"],
               cookie="Utilizamos cookies propias y de terceros para analizar el tráfico y mostrarle publicidad personalizada.",
               accept="Aceptar", related="Más noticias", by="Por", read_also="Lea también:",
               rights="Todos los derechos reservados.", contact="Contacto", privacy="Política de privacidad"),
    "de": dict(locale="de_DE", nav=["Politik", "Wirtschaft", "Sport", "Kultur", "Region"],
               cookie="Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten und Werbung anzuzeigen.",
               accept="Alle akzeptieren", related="Mehr zum Thema", by="Von", read_also="Lesen Sie auch:",
               rights="Alle Rechte vorbehalten.", contact="Kontakt", privacy="Datenschutz"),
    "id": dict(locale="id_ID", nav=["Internasional", "Nasional", "Ekonomi", "Olahraga", "Opini"],
               cookie="Kami menggunakan cookie untuk meningkatkan pengalaman Anda dan menampilkan iklan yang relevan.",
               accept="Setuju", related="Berita Terkait", by="Oleh", read_also="Baca juga:",
               rights="Hak cipta dilindungi undang-undang.", contact="Kontak", privacy="Kebijakan privasi"),
    "ru": dict(locale="ru_RU", nav=["В мире", "Политика", "Экономика", "Спорт", "Мнения"],
               cookie="Мы используем файлы cookie, чтобы сайт работал удобнее. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
               accept="Принять", related="Читайте также", by="Автор:", read_also="Читайте также:",
               rights="Все права защищены.", contact="Контакты", privacy="Политика конфиденциальности"),
    "ar": dict(locale="ar_AR", nav=["أخبار", "سياسة", "اقتصاد", "رياضة", "رأي"],
               cookie="نستخدم ملفات تعريف الارتباط لتحسين تجربتك وعرض إعلانات مناسبة لك.",
               accept="موافق", related="أخبار ذات صلة", by="بقلم", read_also="اقرأ أيضاً:",
               rights="جميع الحقوق محفوظة.", contact="اتصل بنا", privacy="سياسة الخصوصية"),
}


def ext_id(a):
    return "ex-" + a["key"]


def story_of(a):
    return a["key"].rsplit("-", 1)[0]


def when(a):
    return datetime.strptime(a["dt"], "%Y-%m-%d %H:%M:%S")


def paragraphs(a):
    return [p.strip() for p in a["body"].strip().split("\n\n") if p.strip()]


def slugify(title, words=9):
    s = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return "-".join(s.split("-")[:words])


def url_of(a):
    name, pattern, default_section = OUTLETS[a["outlet"]]
    d = when(a)
    slug = a.get("slug") or slugify(a["title"])
    num = zlib.crc32(a["key"].encode()) % 900000 + 100000
    if len(slug) < 8:  # titles in Cyrillic or Arabic script: numeric ids, as many such sites use
        slug = "n%d" % num
    section = slugify(a.get("section", default_section), 3)
    return pattern.format(section=section, y="%04d" % d.year, m="%02d" % d.month,
                          d="%02d" % d.day, slug=slug, num=num)


def human_date(a):
    d = when(a)
    month = MONTHS[a["lang"]].split()[d.month - 1]
    if a["lang"] == "en":
        return "%d %s %d, %02d:%02d GMT" % (d.day, month, d.year, d.hour, d.minute)
    if a["lang"] == "es":
        return "%d de %s de %d - %02d:%02d" % (d.day, month, d.year, d.hour, d.minute)
    if a["lang"] == "de":
        return "%d. %s %d, %02d:%02d Uhr" % (d.day, month, d.year, d.hour, d.minute)
    return "%d %s %d, %02d:%02d" % (d.day, month, d.year, d.hour, d.minute)


def iso(a):
    return when(a).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def rfc822(a):
    return when(a).strftime("%a, %d %b %Y %H:%M:%S +0000")


def esc(s):
    return html.escape(s, quote=True)


def html_paras(a):
    return "".join("<p>%s</p>" % esc(p) for p in paragraphs(a))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(data)


# ------------------------------------------------------------------ text

def text_file(a):
    return a["title"] + "\n\n" + "\n\n".join(paragraphs(a)) + "\n"


# ------------------------------------------------------------------ JSON Lines

def json_record(a, extra_fields):
    r = {
        "id": ext_id(a),
        "title": a["title"],
        "maintext": "\n\n".join(paragraphs(a)),
        "date_publish": a["dt"],
        "language": a["lang"],
        "url": url_of(a),
        "source_domain": a["outlet"],
        "authors": [a["author"]],
    }
    if "section" in a:  # not a news-please field: ingest must keep it as extra
        r["section"] = a["section"]
    r.update(extra_fields.get(a["key"], {}))
    return json.dumps(r, ensure_ascii=False)


# ------------------------------------------------------------------ HTML

# Headlines of made-up older pieces, to fill an outlet's "related" box.
FILLER = {
    "en": ["Markets brace for a busy week of data", "Five things to watch this weekend",
           "Opinion: what the polls are not telling us"],
    "fr": ["La météo de la semaine : retour de la chaleur", "Les chiffres du chômage en légère baisse",
           "Tribune : l'Europe face à ses choix"],
    "es": ["El tiempo: llegan las tormentas al norte", "La bolsa cierra la semana en positivo",
           "Opinión: lo que dicen las encuestas"],
    "de": ["Wetter: Gewitter im Westen erwartet", "Die Börse schließt die Woche im Plus",
           "Kommentar: Was die Umfragen verschweigen"],
    "id": ["Prakiraan cuaca: hujan lebat di sebagian Jawa", "Harga beras naik menjelang akhir bulan",
           "Opini: membaca arah kebijakan ekonomi"],
    "ru": ["Синоптики обещают похолодание", "Курс рубля на торгах в пятницу", "Мнение: о чём молчат опросы"],
    "ar": ["توقعات الطقس: أمطار متفرقة", "أسعار النفط ترتفع في ختام الأسبوع", "رأي: ماذا تقول استطلاعات الرأي"],
}


def related_links(a):
    """Links to the same outlet's earlier pieces, nearest in time first: page noise that
    an extractor must drop, and that names other stories to tempt a clusterer."""
    same = [b for b in ARTICLES if b["outlet"] == a["outlet"] and b["dt"] < a["dt"]]
    same.sort(key=lambda b: abs((when(b) - when(a)).total_seconds()))
    links = [(url_of(b), b["title"]) for b in same[:3]]
    base = "https://" + ("www." if "://www." in url_of(a) else "") + a["outlet"]
    for i, t in enumerate(FILLER[a["lang"]][:3 - len(links)]):
        links.append(("%s/archive/%d" % (base, 4100 + i), t))
    return links


def html_page(a):
    ui = UI[a["lang"]]
    name, _, default_section = OUTLETS[a["outlet"]]
    url = url_of(a)
    paras = paragraphs(a)
    dirattr = ' dir="rtl"' if a["lang"] == "ar" else ""
    related = related_links(a)
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
        "datePublished": iso(a), "author": [{"@type": "Person", "name": a["author"]}],
        "publisher": {"@type": "Organization", "name": name}, "mainEntityOfPage": url,
        "inLanguage": a["lang"]}, ensure_ascii=False)
    nav = "".join('<li><a href="/%s/">%s</a></li>' % (slugify(n, 2) or "s%d" % i, esc(n))
                  for i, n in enumerate(ui["nav"]))
    body = []
    for i, p in enumerate(paras):
        body.append("      <p>%s</p>" % esc(p))
        if i == 1 and related:  # an inline "read also" link, as news sites put between paragraphs
            body.append('      <p class="read-also"><strong>%s</strong> <a href="%s">%s</a></p>'
                        % (esc(ui["read_also"]), esc(related[0][0]), esc(related[0][1])))
    rel = "".join('<li><a href="%s">%s</a></li>' % (esc(u), esc(t)) for u, t in related)
    section = a.get("section", default_section)
    year = when(a).year
    return f"""<!DOCTYPE html>
<html lang="{a['lang']}"{dirattr}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(a['title'])} | {esc(name)}</title>
  <meta name="description" content="{esc(paras[0][:200])}">
  <meta name="author" content="{esc(a['author'])}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{esc(name)}">
  <meta property="og:locale" content="{ui['locale']}">
  <meta property="og:title" content="{esc(a['title'])}">
  <meta property="og:url" content="{esc(url)}">
  <meta property="article:published_time" content="{iso(a)}">
  <meta property="article:section" content="{esc(section)}">
  <link rel="canonical" href="{esc(url)}">
  <link rel="stylesheet" href="/static/css/site.css">
  <script type="application/ld+json">{ld}</script>
  <script async src="https://cdn.{a['outlet']}/js/metrics.js"></script>
</head>
<body>
  <div id="cookie-consent" class="cookie-banner" role="dialog">
    <p>{esc(ui['cookie'])}</p>
    <button type="button" class="cookie-accept">{esc(ui['accept'])}</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">{esc(name)}</a>
    <nav class="main-nav"><ul>{nav}</ul></nav>
  </header>
  <main>
    <article class="story">
      <header>
        <p class="kicker">{esc(section)}</p>
        <h1>{esc(a['title'])}</h1>
        <p class="byline">{esc(ui['by'])} <a rel="author" href="/author/{slugify(a['author']) or 'staff'}">{esc(a['author'])}</a> &middot; <time datetime="{iso(a)}">{esc(human_date(a))}</time></p>
      </header>
{chr(10).join(body)}
    </article>
    <aside class="related">
      <h2>{esc(ui['related'])}</h2>
      <ul>{rel}</ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>&copy; {year} {esc(name)}. {esc(ui['rights'])}</p>
    <nav><a href="/contact">{esc(ui['contact'])}</a> | <a href="/privacy">{esc(ui['privacy'])}</a></nav>
  </footer>
  <script>
    window.dataLayer = window.dataLayer || [];
    window.dataLayer.push({{"pageType": "article", "section": "{esc(section)}"}});
    document.querySelector(".cookie-accept").addEventListener("click", function () {{
      document.getElementById("cookie-consent").remove();
    }});
  </script>
</body>
</html>
"""


# ------------------------------------------------------------------ feeds

def cdata(s):
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss_feed(items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
           ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
           "<channel>",
           "  <title>World Ledger - Top stories archive</title>",
           "  <link>https://www.worldledger.com/</link>",
           "  <description>Selected stories from World Ledger.</description>",
           "  <language>en-gb</language>",
           "  <lastBuildDate>%s</lastBuildDate>" % rfc822(items[0]),
           '  <atom:link href="https://www.worldledger.com/rss/archive.xml" rel="self" type="application/rss+xml"/>']
    for i, a in enumerate(items):
        url = url_of(a)
        out += ["  <item>",
                "    <title>%s</title>" % esc(a["title"]),
                "    <link>%s</link>" % esc(url),
                '    <guid isPermaLink="true">%s</guid>' % esc(url),
                "    <pubDate>%s</pubDate>" % rfc822(a),
                "    <dc:creator>%s</dc:creator>" % esc(a["author"]),
                "    <category>%s</category>" % esc(a.get("section", "World"))]
        if i % 2 == 0:  # full text in content:encoded, a teaser in description
            out += ["    <description>%s</description>" % esc(paragraphs(a)[0]),
                    "    <content:encoded>%s</content:encoded>" % cdata(html_paras(a))]
        else:  # full text only in description, as escaped HTML
            out += ["    <description>%s</description>" % esc(html_paras(a))]
        out.append("  </item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def atom_feed(entries):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
           "  <title>Rheinblick Zeitung - Nachrichten</title>",
           "  <subtitle>Ausgewählte Artikel</subtitle>",
           "  <id>https://www.rheinblick-zeitung.de/</id>",
           "  <updated>%s</updated>" % iso(entries[0]).replace("+00:00", "Z"),
           '  <link rel="self" type="application/atom+xml" href="https://www.rheinblick-zeitung.de/feeds/atom.xml"/>',
           '  <link rel="alternate" type="text/html" href="https://www.rheinblick-zeitung.de/"/>']
    for i, a in enumerate(entries):
        url = url_of(a)
        t = iso(a).replace("+00:00", "Z")
        out += ["  <entry>",
                "    <title>%s</title>" % esc(a["title"]),
                '    <link rel="alternate" type="text/html" href="%s"/>' % esc(url),
                "    <id>%s</id>" % esc(url),
                "    <published>%s</published>" % t,
                "    <updated>%s</updated>" % t,
                "    <author><name>%s</name></author>" % esc(a["author"])]
        kind = i % 4
        if kind == 0:  # escaped HTML content
            out.append('    <content type="html">%s</content>' % esc(html_paras(a)))
        elif kind == 1:  # inline XHTML content
            out.append('    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s</div></content>'
                       % html_paras(a))
        elif kind == 2:  # plain-text summary only, paragraphs kept by blank lines
            out.append('    <summary type="text">%s</summary>' % esc("\n\n".join(paragraphs(a))))
        else:  # a teaser summary plus the full text
            out += ['    <summary type="text">%s</summary>' % esc(paragraphs(a)[0]),
                    '    <content type="html">%s</content>' % esc(html_paras(a))]
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


# ------------------------------------------------------------------ main

def gold_id(a):
    return ext_id(a) if a["fmt"] in ("txt", "jsonl", "gz") else url_of(a)


def main():
    keys = [a["key"] for a in ARTICLES]
    assert len(set(keys)) == len(keys), "duplicate keys"
    by_fmt = {}
    for a in sorted(ARTICLES, key=lambda a: (a["dt"], a["key"])):
        by_fmt.setdefault(a["fmt"], []).append(a)
    files = {}
    for a in by_fmt.get("txt", []):
        files[a["key"]] = "text/%s.txt" % ext_id(a)
        write(os.path.join(CORPUS, files[a["key"]]), text_file(a))
    for a in by_fmt.get("html", []):
        files[a["key"]] = "html/%s.html" % ext_id(a)
        write(os.path.join(CORPUS, files[a["key"]]), html_page(a))
    # A couple of news-please fields this project does not know, beyond "section".
    extra = {"france-vote-2": {"image_url": "https://www.harbourstandard.co.uk/img/2024/06/macron-address.jpg"},
             "ecb-5": {"date_modify": "2024-06-06 19:12:00"}}
    lines = [json_record(a, extra) for a in by_fmt.get("jsonl", [])]
    write(os.path.join(CORPUS, "jsonl/articles.jsonl"), "\n".join(lines) + "\n")
    for a in by_fmt.get("jsonl", []):
        files[a["key"]] = "jsonl/articles.jsonl"
    gz_lines = [json_record(a, extra) for a in by_fmt.get("gz", [])]
    raw = ("\n".join(gz_lines) + "\n").encode("utf-8")
    # gzip -n stores no name and no time stamp, so the file is reproducible.
    gz = subprocess.run(["gzip", "-n", "-9", "-c"], input=raw, stdout=subprocess.PIPE, check=True)
    write(os.path.join(CORPUS, "jsonl/more.jsonl.gz"), gz.stdout)
    for a in by_fmt.get("gz", []):
        files[a["key"]] = "jsonl/more.jsonl.gz"
    newest_first = lambda xs: sorted(xs, key=lambda a: a["dt"], reverse=True)  # noqa: E731
    write(os.path.join(CORPUS, "feeds/worldledger-rss.xml"), rss_feed(newest_first(by_fmt["rss"])))
    write(os.path.join(CORPUS, "feeds/rheinblick-atom.xml"), atom_feed(newest_first(by_fmt["atom"])))
    for a in by_fmt["rss"]:
        files[a["key"]] = "feeds/worldledger-rss.xml"
    for a in by_fmt["atom"]:
        files[a["key"]] = "feeds/rheinblick-atom.xml"
    gold = []
    for a in sorted(ARTICLES, key=lambda a: (story_of(a), a["event"], a["key"])):
        gold.append(json.dumps({"id": gold_id(a), "event": "%s-E%d" % (story_of(a), a["event"]),
                                "story": story_of(a), "lang": a["lang"],
                                "file": files[a["key"]]}, ensure_ascii=False))
    write(os.path.join(EXAMPLES, "gold.jsonl"), "\n".join(gold) + "\n")
    print("%d articles written" % len(ARTICLES))


if __name__ == "__main__":
    main()
