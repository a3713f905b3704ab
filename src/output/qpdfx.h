/* Small helpers over libqpdf's C API shared by the post-processing steps of output/ (forms, PDF/A,
 * tags, boxes). Objects returned belong to q, as everything made through the C API. */
#ifndef PP_QPDFX_H
#define PP_QPDFX_H

#include <qpdf/qpdf-c.h>
#include <stddef.h>

/* A new (direct) stream holding n bytes of data, with the dictionary entries of dict (PDF syntax,
 * "<< /Subtype /XML >>"). */
qpdf_oh pp_qpdf_stream(qpdf_data q, const void *data, size_t n, const char *dict);

#endif
