/* test_lang.c — unit tests for languages: identification (src/text/lang.c) on invented
 * news sentences in eleven languages and four scripts, declared tags normalized and
 * overruled, text that cannot be told (short, empty, numbers, binary); stemming and stop
 * lists per language (src/text/token.c, src/text/stopwords.c); and a whole analysis of a
 * French document. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/lang.h"
#include "text/stopwords.h"
#include "text/token.h"

/* The same invented report (a council approves money to repair a bridge) in each
 * language. */
static const char *const reports[][2] = {
    {"en", "The regional council approved a new budget on Tuesday after a long debate about "
           "the cost of repairing the bridge over the river. Officials said the work would "
           "begin in the spring and last for two years."},
    {"fr", "Le conseil régional a approuvé mardi un nouveau budget après un long débat sur le "
           "coût de la réparation du pont sur la rivière. Les travaux commenceront au "
           "printemps et dureront deux ans, selon les responsables."},
    {"de", "Der Regionalrat hat am Dienstag nach einer langen Debatte über die Kosten für die "
           "Reparatur der Brücke über den Fluss einen neuen Haushalt beschlossen. Die "
           "Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern."},
    {"es", "El consejo regional aprobó el martes un nuevo presupuesto tras un largo debate "
           "sobre el coste de reparar el puente sobre el río. Las obras comenzarán en "
           "primavera y durarán dos años, según los responsables."},
    {"it", "Il consiglio regionale ha approvato martedì un nuovo bilancio dopo un lungo "
           "dibattito sul costo della riparazione del ponte sul fiume. I lavori "
           "cominceranno in primavera e dureranno due anni, secondo i responsabili."},
    {"nl", "De regionale raad heeft dinsdag na een lang debat over de kosten van de reparatie "
           "van de brug over de rivier een nieuwe begroting goedgekeurd. De werkzaamheden "
           "beginnen in het voorjaar en duren twee jaar."},
    {"pt", "O conselho regional aprovou na terça-feira um novo orçamento depois de um longo "
           "debate sobre o custo da reparação da ponte sobre o rio. As obras vão começar na "
           "primavera e durar dois anos, segundo os responsáveis."},
    {"ru", "Региональный совет во вторник утвердил новый бюджет после долгих споров о "
           "стоимости ремонта моста через реку. Работы начнутся весной и продлятся два "
           "года, как сообщили в администрации."},
    {"sv", "Regionfullmäktige godkände på tisdagen en ny budget efter en lång debatt om "
           "kostnaden för att reparera bron över floden. Arbetet ska börja under våren och "
           "pågå i två år, enligt tjänstemännen."},
    /* no stop list: the n-gram classifier */
    {"pl", "Rada regionu zatwierdziła we wtorek nowy budżet po długiej debacie o kosztach "
           "naprawy mostu na rzece. Prace rozpoczną się wiosną i potrwają dwa lata, "
           "poinformowali urzędnicy."},
    {"tr", "Bölge meclisi salı günü nehir üzerindeki köprünün onarım maliyeti hakkında uzun "
           "bir tartışmanın ardından yeni bütçeyi onayladı. Çalışmaların ilkbaharda "
           "başlaması ve iki yıl sürmesi bekleniyor."},
    /* scripts of their own */
    {"el", "Το περιφερειακό συμβούλιο ενέκρινε την Τρίτη νέο προϋπολογισμό μετά από μακρά "
           "συζήτηση για το κόστος επισκευής της γέφυρας πάνω από το ποτάμι."},
    {"ja", "地方議会は火曜日、川に架かる橋の修理費用をめぐる長い議論の末、新しい予算を承認した。"
           "工事は春に始まり、二年間続く予定だという。"},
    {"zh", "地区议会周二在就河上桥梁维修费用进行长时间辩论后批准了新的预算。官员表示，工程将于春季开"
           "始，持续两年。"},
    {"ko", "지역 의회는 화요일 강 위의 다리 수리 비용을 둘러싼 긴 논쟁 끝에 새 예산을 승인했다. 공사는 "
           "봄에 시작해 2년 동안 이어질 예정이다."},
};

static void test_identify_languages(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof reports / sizeof *reports; i++) {
        char out[LANG_CODE_MAX];
        int ok = lang_identify(reports[i][1], strlen(reports[i][1]), out);
        if (!ok || strcmp(out, reports[i][0]) != 0)
            fail_msg("%s report identified as '%s'", reports[i][0], ok ? out : "(unknown)");
    }
}

static void expect_unknown(const char *text, size_t len)
{
    char out[LANG_CODE_MAX] = "xx";
    if (lang_identify(text, len, out))
        fail_msg("'%.*s' identified as %s", (int)len, text ? text : "", out);
    assert_string_equal(out, "");
}

static void test_identify_unknown(void **state)
{
    (void)state;
    expect_unknown("", 0);
    expect_unknown(NULL, 0);
    expect_unknown("Dam bursts", 10);
    expect_unknown("Shr 30 cts vs 17 cts", 20);
    expect_unknown("12,500 14,200 3.5% 2025-03-14 +0.4 -1.2", 39);
    /* a results table: English words the n-gram classifier takes for Catalan or French */
    const char *table = "Shr loss eight cts vs profit six cts Net loss 895,000 vs profit 662,000 "
                        "Sales 91.1 mln vs 89.8 mln Nine mths Shr 30 cts vs 17 cts Net 573,000 "
                        "vs 328,000 Sales 140.0 mln vs 102.4 mln";
    char out[LANG_CODE_MAX];
    if (lang_identify(table, strlen(table), out)) assert_string_equal(out, "en");
    /* binary: NULs, invalid UTF-8, control bytes; any answer but no crash, and none for
     * bytes that hold no letters */
    unsigned char bin[4096];
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof bin; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        bin[i] = (unsigned char)x;
    }
    lang_identify((const char *)bin, sizeof bin, out);
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (unsigned char)(0x80 | (bin[i] & 0x3F));
    expect_unknown((const char *)bin, sizeof bin); /* continuation bytes alone */
    /* a truncated multi-byte character at the end */
    const char *fr = reports[1][1];
    char cut[64];
    memcpy(cut, "Il a été \xC3", 11);
    lang_identify(cut, 11, out);
    lang_identify(fr, strlen(fr) - 1, out);
}

static void test_normalize(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"en-GB", "en"}, {"EN", "en"},     {"fr_CA", "fr"}, {" de", "de"},  {"deu", "de"},
        {"fre", "fr"},   {"iw", "he"},     {"nb-NO", "nb"}, {"sco", "sco"}, {"zh-Hant-TW", "zh"},
        {"und", ""},     {"x-default", ""}, {"", ""},       {"english", ""}, {"e1", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[LANG_CODE_MAX];
        int ok = lang_normalize(cases[i][0], out);
        assert_int_equal(ok, cases[i][1][0] != '\0');
        if (strcmp(out, cases[i][1]) != 0)
            fail_msg("'%s' -> '%s', want '%s'", cases[i][0], out, cases[i][1]);
    }
    char out[LANG_CODE_MAX];
    assert_int_equal(lang_normalize(NULL, out), 0);
}

static sf_doc *doc_of(const char *text, const char *lang)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    d->lang = lang ? strdup(lang) : NULL;
    return d;
}

static void expect_doc_lang(const char *text, const char *declared, const char *want)
{
    sf_doc *d = doc_of(text, declared);
    lang_doc(d);
    if (want ? !d->lang || strcmp(d->lang, want) != 0 : d->lang != NULL)
        fail_msg("declared '%s': lang '%s', want '%s'", declared ? declared : "(none)",
                 d->lang ? d->lang : "(none)", want ? want : "(none)");
    sf_doc_free(d);
}

static void test_doc_declared(void **state)
{
    (void)state;
    const char *en = reports[0][1], *de = reports[2][1], *fr = reports[1][1];
    expect_doc_lang(en, "en-GB", "en");   /* cut to its primary subtag */
    expect_doc_lang(en, NULL, "en");      /* told from the text */
    expect_doc_lang(de, "en", "de");      /* a template's "en" on a German page */
    expect_doc_lang(fr, "de-DE", "fr");
    expect_doc_lang("Bonjour", "fr", "fr"); /* too short to doubt */
    expect_doc_lang("Bonjour", NULL, NULL);
    expect_doc_lang(en, "x-default", "en"); /* no language: identified */
    /* Catalan has no stop list; the vote may lean Spanish, but the classifier sides with
     * the page, so the declared language stands */
    expect_doc_lang("El consell municipal ha aprovat aquest dimarts un nou pressupost després "
                    "d'un llarg debat sobre el cost de reparar el pont del riu. Les obres "
                    "començaran a la primavera i duraran dos anys.",
                    "ca", "ca");
}

static void test_doc_skips_boilerplate(void **state)
{
    (void)state;
    /* an English teaser and credit around a French article: the language is the article's */
    const char *teaser = "Read more: the latest news from around the world, and sign up for "
                         "our newsletter to get the stories that matter delivered to you. ";
    const char *fr = reports[1][1];
    size_t nt = strlen(teaser), nf = strlen(fr);
    char *text = malloc(nt * 3 + nf + 1);
    memcpy(text, teaser, nt);
    memcpy(text + nt, teaser, nt);
    memcpy(text + 2 * nt, fr, nf);
    memcpy(text + 2 * nt + nf, teaser, nt + 1);
    sf_doc *d = doc_of(text, NULL);
    sf_doc *plain = doc_of(text, NULL);
    free(text);
    d->boilerplate = malloc(2 * sizeof *d->boilerplate);
    d->boilerplate[0] = (sf_span){0, (uint32_t)(2 * nt)};
    d->boilerplate[1] = (sf_span){(uint32_t)(2 * nt + nf), (uint32_t)(3 * nt + nf)};
    d->n_boilerplate = 2;
    lang_doc(d);
    assert_non_null(d->lang);
    assert_string_equal(d->lang, "fr");
    lang_doc(plain); /* without the marks the English prefix decides */
    assert_non_null(plain->lang);
    assert_string_equal(plain->lang, "en");
    sf_doc_free(d);
    sf_doc_free(plain);
}

static uint64_t term_in(const char *lang, const char *w)
{
    return tok_term(w, strlen(w), tok_lang_get(lang));
}

static void test_stems_per_language(void **state)
{
    (void)state;
    static const char *const same[][3] = {
        {"fr", "inondations", "inondation"}, {"fr", "évacués", "évacuer"},
        {"fr", "Évacuée", "évacués"},         {"de", "Häuser", "Haus"},
        {"de", "Überschwemmungen", "Überschwemmung"}, {"es", "inundaciones", "inundación"},
        {"it", "ponti", "ponte"},             {"pt", "pontes", "ponte"},
        {"nl", "overstromingen", "overstroming"},             {"ru", "моста", "мостов"},
        {"sv", "dammarna", "dammen"},          {"da", "husene", "huse"},
        {"nb", "broene", "broen"},             {"en", "floods", "flooding"},
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        uint64_t a = term_in(same[i][0], same[i][1]), b = term_in(same[i][0], same[i][2]);
        assert_true(a != 0);
        if (a != b) fail_msg("%s: '%s' and '%s' differ", same[i][0], same[i][1], same[i][2]);
    }
    /* the same surface word, two languages, two stems */
    assert_true(term_in("fr", "dire") != term_in("en", "dire"));
    /* unknown is English */
    assert_true(term_in(NULL, "floods") == term_in("en", "flood"));
    /* a language without a stemmer: casefolded, not stemmed */
    assert_int_equal(tok_lang_stems(tok_lang_get("pl")), 0);
    assert_int_equal(tok_lang_stems(tok_lang_get("fr")), 1);
    assert_true(term_in("pl", "MOSTY") == term_in("pl", "mosty"));
    assert_true(term_in("pl", "mosty") != term_in("pl", "most"));
    /* elided articles and prepositions are not part of the word */
    assert_true(term_in("fr", "l'armée") == term_in("fr", "armée"));
    assert_true(term_in("fr", "d\xE2\x80\x99inondations") == term_in("fr", "inondation"));
    assert_true(term_in("it", "dell'esercito") == term_in("it", "esercito"));
    assert_int_equal(term_in("fr", "qu'il"), 0);
    assert_int_equal(term_in("fr", "aujourd'hui"), 0);
    assert_true(term_in("en", "l'armée") != term_in("en", "armée"));
}

static void test_stopwords(void **state)
{
    (void)state;
    assert_int_equal(term_in("fr", "les"), 0);
    assert_true(term_in("en", "les") != 0);
    assert_int_equal(term_in("de", "daß"), 0); /* casefolded to "dass" */
    assert_int_equal(term_in("de", "Dass"), 0);
    assert_int_equal(term_in("ru", "Что"), 0);
    assert_int_equal(term_in("es", "según"), 0);
    assert_int_equal(term_in("nl", "volgens"), 0);
    assert_int_equal(term_in("sv", "enligt"), 0);
    assert_int_equal(term_in("pt", "não"), 0);
    assert_int_equal(term_in("it", "perché"), 0);
    assert_int_equal(term_in("nn", "ikkje"), 0);
    assert_int_equal(term_in("en", "said"), 0);
    assert_true(term_in("pl", "się") != 0); /* no list */
    assert_int_equal(stop_lang("nb"), STOP_NO);
    assert_int_equal(stop_lang("pl"), -1);
    assert_int_equal(stop_is(-1, "the", 3), 0);
    /* every list: sorted, casefolded, each word found in its list and only flagged there
     * with the others that hold it */
    for (int l = 0; l < STOP_NLANGS; l++) {
        const char *const *w;
        size_t n = stop_list(l, &w);
        assert_true(n > 90);
        assert_int_equal(stop_lang(stop_lang_code(l)), l);
        for (size_t k = 0; k < n; k++) {
            char f[128];
            size_t len = strlen(w[k]);
            if (k) assert_true(strcmp(w[k - 1], w[k]) < 0);
            assert_int_equal(tok_fold(w[k], len, f, sizeof f), len);
            assert_string_equal(f, w[k]);
            if (!stop_is(l, w[k], len)) fail_msg("%s: '%s' not found", stop_lang_code(l), w[k]);
        }
    }
    assert_int_equal(stop_mask("de", 2) & (1u << STOP_EN), 0);
    assert_true(stop_mask("de", 2) & (1u << STOP_FR));
    assert_true(stop_mask("de", 2) & (1u << STOP_ES));
}

static void test_analyze_french(void **state)
{
    (void)state;
    sf_doc *d = doc_of("Les inondations ont coupé les routes. Après l'inondation, les habitants "
                       "ont été évacués vers les écoles, selon la préfecture, qui a évacué "
                       "aussi deux hôpitaux de la vallée.",
                       NULL);
    assert_int_equal(sf_doc_analyze(d, &(sf_error){0}), SF_OK);
    assert_non_null(d->lang);
    assert_string_equal(d->lang, "fr");
    uint64_t flood = 0, evac = 0;
    int floods = 0, evacs = 0, zero = 0;
    for (size_t i = 0; i < d->n_toks; i++) {
        const sf_token *t = &d->toks[i];
        char w[64];
        size_t n = tok_fold(d->text + t->start, t->end - t->start, w, sizeof w);
        if (!strcmp(w, "les") || !strcmp(w, "selon")) zero += t->term == 0;
        if (n && (strstr(w, "inondation"))) {
            if (floods++) assert_true(t->term == flood);
            flood = t->term;
        }
        if (n && strstr(w, "évacu")) {
            if (evacs++) assert_true(t->term == evac);
            evac = t->term;
        }
    }
    assert_int_equal(floods, 2);
    assert_int_equal(evacs, 2);
    assert_int_equal(zero, 5);
    sf_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identify_languages),
        cmocka_unit_test(test_identify_unknown),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_doc_declared),
        cmocka_unit_test(test_doc_skips_boilerplate),
        cmocka_unit_test(test_stems_per_language),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_analyze_french),
    };
    int rc = cmocka_run_group_tests_name("lang", tests, NULL, NULL);
    lang_thread_end();
    tok_thread_end();
    return rc;
}
