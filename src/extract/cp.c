/* cp.c — code points for the quotation finder (see cp.h). */
#include "extract/cp.h"

#include <utf8proc.h>

int32_t cp_at(const unsigned char *p, size_t i, size_t n, size_t *len)
{
    *len = 0;
    if (i >= n) return -1;
    int32_t c;
    utf8proc_ssize_t l = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
    if (l <= 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = (size_t)l;
    return c;
}

int32_t cp_before(const unsigned char *p, size_t i)
{
    if (i == 0) return -1;
    size_t s = i - 1;
    while (s > 0 && i - s < 4 && (p[s] & 0xC0) == 0x80) s--;
    size_t l;
    int32_t c = cp_at(p, s, i, &l);
    return s + l == i ? c : 0xFFFD;
}

int cp_is_space(int32_t c)
{
    return c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

int cp_is_alnum(int32_t c)
{
    if (c < 0) return 0;
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO) ||
           k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC;
}

int cp_is_quote(int32_t c)
{
    return c == '"' || c == '\'' || c == '`' || c == 0x201C || c == 0x201D || c == 0x201E ||
           c == 0x2018 || c == 0x2019 || c == 0xAB || c == 0xBB;
}
