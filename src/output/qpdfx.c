#include "output/qpdfx.h"

qpdf_oh pp_qpdf_stream(qpdf_data q, const void *data, size_t n, const char *dict)
{
    qpdf_oh st = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, st, (const unsigned char *)data, n, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh d = qpdf_oh_get_dict(q, st), src = qpdf_oh_parse(q, dict);
    qpdf_oh_begin_dict_key_iter(q, src);
    while (qpdf_oh_dict_more_keys(q)) {
        const char *k = qpdf_oh_dict_next_key(q);
        qpdf_oh_replace_key(q, d, k, qpdf_oh_get_key(q, src, k));
    }
    return st;
}
