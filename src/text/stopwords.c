/* stopwords.c — stop lists per language: function words that carry no topic, looked up
 * in one hash table that tells, for a word, which languages' lists hold it (the profile
 * lang.c votes with). The lists are the Snowball project's stop word lists
 * (snowballstem.org, algorithms/<language>/stop.txt, BSD licence), casefolded as tok_fold
 * folds (German "daß" -> "dass"), plus reporting verbs and news filler that say nothing
 * about which event a text is about ("said", "selon", "sagte"; weekday names, "year");
 * French gains a few function words its list leaves out ("dont", "où", "comme"). */
#include "text/stopwords.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <xxhash.h>

/* English */
static const char *const stop_en[] = {
    "a",        "about",      "above",     "according", "after",      "again",     "against",
    "all",      "also",       "am",        "an",        "and",        "any",       "are",
    "aren't",   "as",         "at",        "be",        "because",    "been",      "before",
    "being",    "below",      "between",   "both",      "but",        "by",        "can",
    "can't",    "cannot",     "could",     "couldn't",  "did",        "didn't",    "do",
    "does",     "doesn't",    "doing",     "don't",     "down",       "during",    "each",
    "few",      "for",        "friday",    "from",      "further",    "had",       "hadn't",
    "has",      "hasn't",     "have",      "haven't",   "having",     "he",        "he'd",
    "he'll",    "he's",       "her",       "here",      "here's",     "hers",      "herself",
    "him",      "himself",    "his",       "how",       "how's",      "i",         "i'd",
    "i'll",     "i'm",        "i've",      "if",        "in",         "into",      "is",
    "isn't",    "it",         "it's",      "its",       "itself",     "just",      "let's",
    "like",     "me",         "monday",    "more",      "most",       "mr",        "mrs",
    "ms",       "mustn't",    "my",        "myself",    "no",         "nor",       "not",
    "now",      "of",         "off",       "on",        "once",       "one",       "only",
    "or",       "other",      "ought",     "our",       "ours",       "ourselves", "out",
    "over",     "own",        "per",       "reported",  "reportedly", "said",      "same",
    "saturday", "say",        "saying",    "says",      "shan't",     "she",       "she'd",
    "she'll",   "she's",      "should",    "shouldn't", "so",         "some",      "such",
    "sunday",   "than",       "that",      "that's",    "the",        "their",     "theirs",
    "them",     "themselves", "then",      "there",     "there's",    "these",     "they",
    "they'd",   "they'll",    "they're",   "they've",   "this",       "those",     "through",
    "thursday", "to",         "told",      "too",       "tuesday",    "under",     "until",
    "up",       "very",       "was",       "wasn't",    "we",         "we'd",      "we'll",
    "we're",    "we've",      "wednesday", "were",      "weren't",    "what",      "what's",
    "when",     "when's",     "where",     "where's",   "which",      "while",     "who",
    "who's",    "whom",       "why",       "why's",     "will",       "with",      "won't",
    "would",    "wouldn't",   "year",      "years",     "yesterday",  "you",       "you'd",
    "you'll",   "you're",     "you've",    "your",      "yours",      "yourself",  "yourselves",
};

/* Danish */
static const char *const stop_da[] = {
    "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem",
    "den", "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du",
    "efter", "eller", "en", "end", "er", "et", "for", "fra", "fredag", "ham", "han", "hans",
    "har", "havde", "have", "hende", "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor",
    "i", "ifølge", "ikke", "ind", "jeg", "jer", "jo", "kunne", "lørdag", "man", "mandag",
    "mange", "med", "meget", "men", "mig", "min", "mine", "mit", "mod", "ned", "noget",
    "nogle", "nu", "når", "og", "også", "om", "onsdag", "op", "os", "over", "på", "sagde",
    "selv", "sig", "siger", "sin", "sine", "sit", "skal", "skulle", "som", "sådan",
    "søndag", "thi", "til", "tirsdag", "torsdag", "ud", "under", "var", "vi", "vil",
    "ville", "vor", "være", "været", "år", "året",
};

/* German */
static const char *const stop_de[] = {
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander",
    "andere", "anderem", "anderen", "anderer", "anderes", "anderm", "andern", "anderr",
    "anders", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da", "damit",
    "dann", "das", "dass", "dasselbe", "dazu", "dein", "deine", "deinem", "deinen",
    "deiner", "deines", "dem", "demselben", "den", "denn", "denselben", "der", "derer",
    "derselbe", "derselben", "des", "desselben", "dessen", "dich", "die", "dienstag",
    "dies", "diese", "dieselbe", "dieselben", "diesem", "diesen", "dieser", "dieses", "dir",
    "doch", "donnerstag", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer",
    "eines", "einig", "einige", "einigem", "einigen", "einiger", "einiges", "einmal", "er",
    "erklärte", "es", "etwas", "euch", "euer", "eure", "eurem", "euren", "eurer", "eures",
    "frau", "freitag", "für", "gegen", "gestern", "gewesen", "hab", "habe", "haben", "hat",
    "hatte", "hatten", "herr", "heute", "hier", "hin", "hinter", "ich", "ihm", "ihn",
    "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "in", "indem", "ins",
    "ist", "jahr", "jahre", "jahren", "jahres", "jede", "jedem", "jeden", "jeder", "jedes",
    "jene", "jenem", "jenen", "jener", "jenes", "jetzt", "kann", "kein", "keine", "keinem",
    "keinen", "keiner", "keines", "können", "könnte", "laut", "machen", "man", "manche",
    "manchem", "manchen", "mancher", "manches", "mein", "meine", "meinem", "meinen",
    "meiner", "meines", "mich", "mir", "mit", "mittwoch", "montag", "muss", "musste",
    "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sagen", "sagt",
    "sagte", "sagten", "samstag", "sehr", "sein", "seine", "seinem", "seinen", "seiner",
    "seines", "seit", "selbst", "sich", "sie", "sind", "so", "solche", "solchem", "solchen",
    "solcher", "solches", "soll", "sollte", "sondern", "sonntag", "sonst", "um", "und",
    "uns", "unser", "unsere", "unserem", "unseren", "unseres", "unter", "viel", "vom",
    "von", "vor", "war", "waren", "warst", "was", "weg", "weil", "weiter", "welche",
    "welchem", "welchen", "welcher", "welches", "wenn", "werde", "werden", "wie", "wieder",
    "will", "wir", "wird", "wirst", "wo", "wollen", "wollte", "worden", "wurde", "wurden",
    "während", "würde", "würden", "zu", "zum", "zur", "zwar", "zwischen", "über",
};

/* Spanish */
static const char *const stop_es[] = {
    "a", "afirmó", "al", "algo", "algunas", "algunos", "ante", "antes", "ayer", "año",
    "años", "como", "con", "contra", "cual", "cuando", "de", "declaró", "del", "desde",
    "dijo", "domingo", "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en",
    "entre", "era", "erais", "eran", "eras", "eres", "es", "esa", "esas", "ese", "eso",
    "esos", "esta", "estaba", "estabais", "estaban", "estabas", "estad", "estada",
    "estadas", "estado", "estados", "estamos", "estando", "estar", "estaremos", "estará",
    "estarán", "estarás", "estaré", "estaréis", "estaría", "estaríais", "estaríamos",
    "estarían", "estarías", "estas", "este", "estemos", "esto", "estos", "estoy", "estuve",
    "estuviera", "estuvierais", "estuvieran", "estuvieras", "estuvieron", "estuviese",
    "estuvieseis", "estuviesen", "estuvieses", "estuvimos", "estuviste", "estuvisteis",
    "estuviéramos", "estuviésemos", "estuvo", "está", "estábamos", "estáis", "están",
    "estás", "esté", "estéis", "estén", "estés", "fue", "fuera", "fuerais", "fueran",
    "fueras", "fueron", "fuese", "fueseis", "fuesen", "fueses", "fui", "fuimos", "fuiste",
    "fuisteis", "fuéramos", "fuésemos", "ha", "habida", "habidas", "habido", "habidos",
    "habiendo", "habremos", "habrá", "habrán", "habrás", "habré", "habréis", "habría",
    "habríais", "habríamos", "habrían", "habrías", "habéis", "había", "habíais", "habíamos",
    "habían", "habías", "han", "has", "hasta", "hay", "haya", "hayamos", "hayan", "hayas",
    "hayáis", "he", "hemos", "hoy", "hube", "hubiera", "hubierais", "hubieran", "hubieras",
    "hubieron", "hubiese", "hubieseis", "hubiesen", "hubieses", "hubimos", "hubiste",
    "hubisteis", "hubiéramos", "hubiésemos", "hubo", "jueves", "la", "las", "le", "les",
    "lo", "los", "lunes", "martes", "me", "mi", "mis", "miércoles", "mucho", "muchos",
    "muy", "más", "mí", "mía", "mías", "mío", "míos", "nada", "ni", "no", "nos", "nosotras",
    "nosotros", "nuestra", "nuestras", "nuestro", "nuestros", "o", "os", "otra", "otras",
    "otro", "otros", "para", "pero", "poco", "por", "porque", "que", "quien", "quienes",
    "qué", "se", "sea", "seamos", "sean", "seas", "según", "seremos", "será", "serán",
    "serás", "seré", "seréis", "sería", "seríais", "seríamos", "serían", "serías", "seáis",
    "señaló", "sido", "siendo", "sin", "sobre", "sois", "somos", "son", "soy", "sr", "sra",
    "su", "sus", "suya", "suyas", "suyo", "suyos", "sábado", "sí", "también", "tanto", "te",
    "tendremos", "tendrá", "tendrán", "tendrás", "tendré", "tendréis", "tendría",
    "tendríais", "tendríamos", "tendrían", "tendrías", "tened", "tenemos", "tenga",
    "tengamos", "tengan", "tengas", "tengo", "tengáis", "tenida", "tenidas", "tenido",
    "tenidos", "teniendo", "tenéis", "tenía", "teníais", "teníamos", "tenían", "tenías",
    "ti", "tiene", "tienen", "tienes", "todo", "todos", "tu", "tus", "tuve", "tuviera",
    "tuvierais", "tuvieran", "tuvieras", "tuvieron", "tuviese", "tuvieseis", "tuviesen",
    "tuvieses", "tuvimos", "tuviste", "tuvisteis", "tuviéramos", "tuviésemos", "tuvo",
    "tuya", "tuyas", "tuyo", "tuyos", "tú", "un", "una", "uno", "unos", "viernes",
    "vosotras", "vosotros", "vuestra", "vuestras", "vuestro", "vuestros", "y", "ya", "yo",
    "él", "éramos",
};

/* French */
static const char *const stop_fr[] = {
    "affirmé", "ai", "aie", "aient", "aies", "ait", "alors", "an", "année", "années", "ans",
    "après", "as", "au", "aujourd'hui", "aura", "aurai", "auraient", "aurais", "aurait",
    "auras", "aurez", "auriez", "aurions", "aurons", "auront", "aussi", "aux", "avaient",
    "avais", "avait", "avant", "avec", "avez", "aviez", "avions", "avons", "ayant", "ayez",
    "ayons", "c", "ce", "ceci", "cela", "celà", "ces", "cet", "cette", "comme", "d", "dans",
    "de", "depuis", "des", "dimanche", "dit", "dont", "du", "déclaré", "elle", "en",
    "encore", "entre", "es", "est", "et", "eu", "eue", "eues", "eurent", "eus", "eusse",
    "eussent", "eusses", "eussiez", "eussions", "eut", "eux", "eûmes", "eût", "eûtes",
    "furent", "fus", "fusse", "fussent", "fusses", "fussiez", "fussions", "fut", "fûmes",
    "fût", "fûtes", "hier", "ici", "il", "ils", "indiqué", "j", "je", "jeudi", "l", "la",
    "le", "les", "leur", "leurs", "lors", "lui", "lundi", "m", "ma", "mais", "mardi", "me",
    "mercredi", "mes", "mme", "moi", "mon", "même", "n", "ne", "nos", "notre", "nous", "on",
    "ont", "ou", "où", "par", "pas", "plus", "pour", "qu", "que", "quel", "quelle",
    "quelles", "quels", "qui", "s", "sa", "samedi", "sans", "se", "selon", "sera", "serai",
    "seraient", "serais", "serait", "seras", "serez", "seriez", "serions", "serons",
    "seront", "ses", "soi", "soient", "sois", "soit", "sommes", "son", "sont", "soyez",
    "soyons", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute",
    "toutes", "très", "tu", "un", "une", "vendredi", "vos", "votre", "vous", "y", "à",
    "étaient", "étais", "était", "étant", "étiez", "étions", "été", "étée", "étées", "étés",
    "êtes",
};

/* Italian */
static const char *const stop_it[] = {
    "a", "abbia", "abbiamo", "abbiano", "abbiate", "ad", "agl", "agli", "ai", "al", "all",
    "alla", "alle", "allo", "anche", "anni", "anno", "avemmo", "avendo", "avesse",
    "avessero", "avessi", "avessimo", "aveste", "avesti", "avete", "aveva", "avevamo",
    "avevano", "avevate", "avevi", "avevo", "avrai", "avranno", "avrebbe", "avrebbero",
    "avrei", "avremmo", "avremo", "avreste", "avresti", "avrete", "avrà", "avrò", "avuta",
    "avute", "avuti", "avuto", "c", "che", "chi", "ci", "coi", "col", "come", "con",
    "contro", "cui", "da", "dagl", "dagli", "dai", "dal", "dall", "dalla", "dalle", "dallo",
    "degl", "degli", "dei", "del", "dell", "della", "delle", "dello", "detto", "di",
    "dichiarato", "domenica", "dov", "dove", "e", "ebbe", "ebbero", "ebbi", "ed", "era",
    "erano", "eravamo", "eravate", "eri", "ero", "essendo", "faccia", "facciamo",
    "facciano", "facciate", "faccio", "facemmo", "facendo", "facesse", "facessero",
    "facessi", "facessimo", "faceste", "facesti", "faceva", "facevamo", "facevano",
    "facevate", "facevi", "facevo", "fai", "fanno", "farai", "faranno", "farebbe",
    "farebbero", "farei", "faremmo", "faremo", "fareste", "faresti", "farete", "farà",
    "farò", "fece", "fecero", "feci", "fosse", "fossero", "fossi", "fossimo", "foste",
    "fosti", "fu", "fui", "fummo", "furono", "giovedì", "gli", "ha", "hai", "hanno", "ho",
    "i", "ieri", "il", "in", "io", "l", "la", "le", "lei", "li", "lo", "loro", "lui",
    "lunedì", "ma", "martedì", "mercoledì", "mi", "mia", "mie", "miei", "mio", "ne", "negl",
    "negli", "nei", "nel", "nell", "nella", "nelle", "nello", "noi", "non", "nostra",
    "nostre", "nostri", "nostro", "o", "oggi", "per", "perché", "più", "quale", "quanta",
    "quante", "quanti", "quanto", "quella", "quelle", "quelli", "quello", "questa",
    "queste", "questi", "questo", "sabato", "sarai", "saranno", "sarebbe", "sarebbero",
    "sarei", "saremmo", "saremo", "sareste", "saresti", "sarete", "sarà", "sarò", "se",
    "secondo", "sei", "si", "sia", "siamo", "siano", "siate", "siete", "sono", "sta",
    "stai", "stando", "stanno", "starai", "staranno", "starebbe", "starebbero", "starei",
    "staremmo", "staremo", "stareste", "staresti", "starete", "starà", "starò", "stava",
    "stavamo", "stavano", "stavate", "stavi", "stavo", "stemmo", "stesse", "stessero",
    "stessi", "stessimo", "steste", "stesti", "stette", "stettero", "stetti", "stia",
    "stiamo", "stiano", "stiate", "sto", "su", "sua", "sue", "sugl", "sugli", "sui", "sul",
    "sull", "sulla", "sulle", "sullo", "suo", "suoi", "ti", "tra", "tu", "tua", "tue",
    "tuo", "tuoi", "tutti", "tutto", "un", "una", "uno", "venerdì", "vi", "voi", "vostra",
    "vostre", "vostri", "vostro", "è",
};

/* Dutch */
static const char *const stop_nl[] = {
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat",
    "de", "der", "deze", "die", "dinsdag", "dit", "doch", "doen", "donderdag", "door",
    "dus", "een", "eens", "en", "er", "ge", "geen", "geweest", "gisteren", "haar", "had",
    "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand", "iets",
    "ik", "in", "is", "ja", "jaar", "jaren", "je", "kan", "kon", "kunnen", "maandag",
    "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet",
    "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds",
    "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "van", "vandaag", "veel",
    "volgens", "voor", "vrijdag", "want", "waren", "was", "wat", "werd", "wezen", "wie",
    "wil", "woensdag", "worden", "wordt", "zal", "zaterdag", "ze", "zeggen", "zegt", "zei",
    "zelf", "zich", "zij", "zijn", "zo", "zondag", "zonder", "zou",
};

/* Norwegian */
static const char *const stop_no[] = {
    "alle", "at", "av", "bare", "begge", "ble", "blei", "bli", "blir", "blitt", "både",
    "båe", "da", "de", "deg", "dei", "deim", "deira", "deires", "dem", "den", "denne",
    "der", "dere", "deres", "det", "dette", "di", "din", "disse", "ditt", "du", "dykk",
    "dykkar", "då", "eg", "ein", "eit", "eitt", "eller", "elles", "en", "enn", "er", "et",
    "ett", "etter", "for", "fordi", "fra", "fredag", "før", "ha", "hadde", "han", "hans",
    "har", "hennar", "henne", "hennes", "her", "hjå", "ho", "hoe", "honom", "hoss",
    "hossen", "hun", "hva", "hvem", "hver", "hvilke", "hvilken", "hvis", "hvor", "hvordan",
    "hvorfor", "i", "ifølge", "ikke", "ikkje", "ingen", "ingi", "inkje", "inn", "inni",
    "ja", "jeg", "kan", "kom", "korleis", "korso", "kun", "kunne", "kva", "kvar",
    "kvarhelst", "kven", "kvi", "kvifor", "lørdag", "man", "mandag", "mange", "me", "med",
    "medan", "meg", "meget", "mellom", "men", "mi", "min", "mine", "mitt", "mot", "mykje",
    "ned", "no", "noe", "noen", "noka", "noko", "nokon", "nokor", "nokre", "nå", "når",
    "og", "også", "om", "onsdag", "opp", "oss", "over", "på", "sa", "samme", "seg", "selv",
    "si", "sia", "sidan", "siden", "sier", "sin", "sine", "sitt", "sjøl", "skal", "skulle",
    "slik", "so", "som", "somme", "somt", "så", "sånn", "søndag", "til", "tirsdag",
    "torsdag", "um", "upp", "ut", "uten", "var", "vart", "varte", "ved", "vere", "verte",
    "vi", "vil", "ville", "vore", "vors", "vort", "vår", "være", "vært", "å", "år", "året",
};

/* Portuguese */
static const char *const stop_pt[] = {
    "a", "afirmou", "ano", "anos", "ao", "aos", "aquela", "aquelas", "aquele", "aqueles",
    "aquilo", "as", "até", "com", "como", "da", "das", "de", "declarou", "dela", "delas",
    "dele", "deles", "depois", "disse", "do", "domingo", "dos", "e", "ela", "elas", "ele",
    "eles", "em", "entre", "era", "eram", "essa", "essas", "esse", "esses", "esta",
    "estamos", "estas", "estava", "estavam", "este", "esteja", "estejam", "estejamos",
    "estes", "esteve", "estive", "estivemos", "estiver", "estivera", "estiveram",
    "estiverem", "estivermos", "estivesse", "estivessem", "estivéramos", "estivéssemos",
    "estou", "está", "estávamos", "estão", "eu", "feira", "foi", "fomos", "for", "fora",
    "foram", "forem", "formos", "fosse", "fossem", "fui", "fôramos", "fôssemos", "haja",
    "hajam", "hajamos", "havemos", "hei", "hoje", "houve", "houvemos", "houver", "houvera",
    "houveram", "houverei", "houverem", "houveremos", "houveria", "houveriam", "houvermos",
    "houverá", "houverão", "houveríamos", "houvesse", "houvessem", "houvéramos",
    "houvéssemos", "há", "hão", "isso", "isto", "já", "lhe", "lhes", "mais", "mas", "me",
    "mesmo", "meu", "meus", "minha", "minhas", "muito", "na", "nas", "nem", "no", "nos",
    "nossa", "nossas", "nosso", "nossos", "num", "numa", "não", "nós", "o", "ontem", "os",
    "ou", "para", "pela", "pelas", "pelo", "pelos", "por", "qual", "quando", "quarta",
    "que", "quem", "quinta", "se", "segunda", "segundo", "seja", "sejam", "sejamos", "sem",
    "serei", "seremos", "seria", "seriam", "será", "serão", "seríamos", "seu", "seus",
    "sexta", "somos", "sou", "sua", "suas", "sábado", "são", "só", "também", "te", "tem",
    "temos", "tenha", "tenham", "tenhamos", "tenho", "terei", "teremos", "teria", "teriam",
    "terá", "terão", "terça", "teríamos", "teu", "teus", "teve", "tinha", "tinham", "tive",
    "tivemos", "tiver", "tivera", "tiveram", "tiverem", "tivermos", "tivesse", "tivessem",
    "tivéramos", "tivéssemos", "tu", "tua", "tuas", "tém", "tínhamos", "um", "uma", "você",
    "vocês", "vos", "à", "às", "éramos",
};

/* Russian */
static const char *const stop_ru[] = {
    "а", "без", "более", "больше", "будет", "будто", "бы", "был", "была", "были", "было",
    "быть", "в", "вам", "вас", "вдруг", "ведь", "во", "воскресенье", "вот", "впрочем",
    "все", "всегда", "всего", "всех", "всю", "всё", "вторник", "вчера", "вы", "где", "год",
    "года", "году", "да", "даже", "два", "для", "до", "другой", "его", "ее", "ей", "ему",
    "если", "есть", "еще", "ещё", "её", "ж", "же", "за", "зачем", "заявил", "заявила",
    "здесь", "и", "из", "или", "им", "иногда", "их", "к", "как", "какая", "какой", "когда",
    "конечно", "кто", "куда", "лет", "ли", "лучше", "между", "меня", "мне", "много",
    "может", "можно", "мой", "моя", "мы", "на", "над", "надо", "наконец", "нас", "не",
    "него", "нее", "ней", "нельзя", "нет", "ни", "нибудь", "никогда", "ним", "них",
    "ничего", "но", "ну", "о", "об", "один", "он", "она", "они", "опять", "от", "перед",
    "по", "под", "понедельник", "после", "потом", "потому", "почти", "при", "про",
    "пятница", "пятницу", "раз", "разве", "с", "сам", "свою", "себе", "себя", "сегодня",
    "сейчас", "сказал", "сказала", "словам", "со", "совсем", "среда", "среду", "суббота",
    "субботу", "так", "такой", "там", "тебя", "тем", "теперь", "то", "тогда", "того",
    "тоже", "только", "том", "тот", "три", "тут", "ты", "у", "уж", "уже", "хорошо", "хоть",
    "чего", "чем", "через", "четверг", "что", "чтоб", "чтобы", "чуть", "эти", "этого",
    "этой", "этом", "этот", "эту", "я",
};

/* Swedish */
static const char *const stop_sv[] = {
    "alla", "allt", "att", "av", "blev", "bli", "blir", "blivit", "de", "dem", "den",
    "denna", "deras", "dess", "dessa", "det", "detta", "dig", "din", "dina", "ditt", "du",
    "där", "då", "efter", "ej", "eller", "en", "enligt", "er", "era", "ert", "ett",
    "fredag", "från", "för", "ha", "hade", "han", "hans", "har", "henne", "hennes", "hon",
    "honom", "hur", "här", "i", "icke", "idag", "igår", "ingen", "inom", "inte", "jag",
    "ju", "kan", "kunde", "lördag", "man", "med", "mellan", "men", "mig", "min", "mina",
    "mitt", "mot", "mycket", "måndag", "ni", "nu", "när", "någon", "något", "några", "och",
    "om", "onsdag", "oss", "på", "sa", "sade", "samma", "sedan", "sig", "sin", "sina",
    "sitta", "själv", "skulle", "som", "säger", "så", "sådan", "sådana", "sådant", "söndag",
    "till", "tisdag", "torsdag", "under", "upp", "ut", "utan", "vad", "var", "vara",
    "varför", "varit", "varje", "vars", "vart", "vem", "vi", "vid", "vilka", "vilkas",
    "vilken", "vilket", "vår", "våra", "vårt", "än", "är", "år", "åren", "året", "åt",
    "över",
};

static const struct {
    const char *code; /* ISO 639-1, in stop_lang order */
    const char *const *words;
    size_t n;
} lists[STOP_NLANGS] = {
#define L(c, a) {c, a, sizeof a / sizeof *a}
    [STOP_EN] = L("en", stop_en), [STOP_DA] = L("da", stop_da), [STOP_DE] = L("de", stop_de),
    [STOP_ES] = L("es", stop_es), [STOP_FR] = L("fr", stop_fr), [STOP_IT] = L("it", stop_it),
    [STOP_NL] = L("nl", stop_nl), [STOP_NO] = L("no", stop_no), [STOP_PT] = L("pt", stop_pt),
    [STOP_RU] = L("ru", stop_ru), [STOP_SV] = L("sv", stop_sv),
#undef L
};

/* Open addressing over every list's words; about 1,900 distinct words, so 4,096 slots
 * keep probes short. Built once, then read by any thread without a lock. */
#define TABLE_BITS 12
#define TABLE_SIZE (1u << TABLE_BITS)
typedef struct slot {
    const char *word; /* NULL: empty */
    uint16_t len;
    uint16_t mask; /* bit l: lists[l] holds the word */
} slot;
static slot table[TABLE_SIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static slot *find(const char *w, size_t len)
{
    size_t i = (size_t)XXH3_64bits(w, len) & (TABLE_SIZE - 1);
    while (table[i].word && (table[i].len != len || memcmp(table[i].word, w, len) != 0))
        i = (i + 1) & (TABLE_SIZE - 1);
    return &table[i];
}

static void build(void)
{
    for (int l = 0; l < STOP_NLANGS; l++)
        for (size_t k = 0; k < lists[l].n; k++) {
            const char *w = lists[l].words[k];
            slot *s = find(w, strlen(w));
            s->word = w;
            s->len = (uint16_t)strlen(w);
            s->mask |= (uint16_t)(1u << l);
        }
}

int stop_lang(const char *code)
{
    if (!code) return -1;
    if (strcmp(code, "nb") == 0 || strcmp(code, "nn") == 0) code = "no"; /* one list */
    for (int l = 0; l < STOP_NLANGS; l++)
        if (strcmp(code, lists[l].code) == 0) return l;
    return -1;
}

const char *stop_lang_code(int l)
{
    return l >= 0 && l < STOP_NLANGS ? lists[l].code : NULL;
}

unsigned stop_mask(const char *lower, size_t len)
{
    if (len == 0 || len > 32) return 0; /* no stop word is longer */
    pthread_once(&table_once, build);
    const slot *s = find(lower, len);
    return s->word ? s->mask : 0;
}

int stop_is(int l, const char *lower, size_t len)
{
    return l >= 0 && (stop_mask(lower, len) >> l & 1u);
}

size_t stop_list(int l, const char *const **words)
{
    if (l < 0 || l >= STOP_NLANGS) return 0;
    *words = lists[l].words;
    return lists[l].n;
}
