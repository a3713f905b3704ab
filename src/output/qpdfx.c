#include "output/qpdfx.h"

#include "base/dynlib.h"

bool pp_qpdf_open(pp_qpdf_api *api, pp_error *err)
{
#define PP_QPDF_NAME(fn) PP_DYNLIB_FN(pp_qpdf_api, fn, fn),
    static const pp_dynlib_fn fns[] = {PP_QPDF_FUNCTIONS(PP_QPDF_NAME)};
#undef PP_QPDF_NAME
    return pp_dynlib_open(PP_QPDF, fns, sizeof fns / sizeof fns[0], api,
                          "this PDF is finished with libqpdf", "libqpdf29", err);
}

qpdf_oh pp_qpdf_stream(const pp_qpdf_api *Q, qpdf_data q, const void *data, size_t n,
                       const char *dict)
{
    qpdf_oh st = Q->qpdf_oh_new_stream(q);
    Q->qpdf_oh_replace_stream_data(q, st, (const unsigned char *)data, n, Q->qpdf_oh_new_null(q),
                                   Q->qpdf_oh_new_null(q));
    qpdf_oh d = Q->qpdf_oh_get_dict(q, st), src = Q->qpdf_oh_parse(q, dict);
    Q->qpdf_oh_begin_dict_key_iter(q, src);
    while (Q->qpdf_oh_dict_more_keys(q)) {
        const char *k = Q->qpdf_oh_dict_next_key(q);
        Q->qpdf_oh_replace_key(q, d, k, Q->qpdf_oh_get_key(q, src, k));
    }
    return st;
}
