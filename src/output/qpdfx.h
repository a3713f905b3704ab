/* libqpdf, opened when a PDF needs it (forms, tags, PDF/A, trim boxes, right-to-left text layers:
 * output/pdf.c), and small helpers over its C API shared by those steps. Linked, libqpdf and the
 * C++ runtime under it cost every run 12 million instructions of relocation (issue #15); the
 * plain sheets are finished without it (output/update.h). Objects made through the C API belong
 * to their qpdf_data, as everywhere in qpdf. */
#ifndef PP_QPDFX_H
#define PP_QPDFX_H

#include "base/error.h"

#include <qpdf/qpdf-c.h>
#include <stddef.h>

/* Every function of the C API that output/ calls. */
#define PP_QPDF_FUNCTIONS(X)                                                                       \
    X(qpdf_cleanup)                                                                                \
    X(qpdf_force_pdf_version)                                                                      \
    X(qpdf_get_buffer)                                                                             \
    X(qpdf_get_buffer_length)                                                                      \
    X(qpdf_get_error)                                                                              \
    X(qpdf_get_error_full_text)                                                                    \
    X(qpdf_get_num_pages)                                                                          \
    X(qpdf_get_object_by_id)                                                                       \
    X(qpdf_get_page_n)                                                                             \
    X(qpdf_get_root)                                                                               \
    X(qpdf_get_trailer)                                                                            \
    X(qpdf_init)                                                                                   \
    X(qpdf_init_write_memory)                                                                      \
    X(qpdf_make_indirect_object)                                                                   \
    X(qpdf_oh_append_item)                                                                         \
    X(qpdf_oh_begin_dict_key_iter)                                                                 \
    X(qpdf_oh_dict_more_keys)                                                                      \
    X(qpdf_oh_dict_next_key)                                                                       \
    X(qpdf_oh_erase_item)                                                                          \
    X(qpdf_oh_get_array_item)                                                                      \
    X(qpdf_oh_get_array_n_items)                                                                   \
    X(qpdf_oh_get_dict)                                                                            \
    X(qpdf_oh_get_int_value)                                                                       \
    X(qpdf_oh_get_key)                                                                             \
    X(qpdf_oh_get_name)                                                                            \
    X(qpdf_oh_get_object_id)                                                                       \
    X(qpdf_oh_get_page_content_data)                                                               \
    X(qpdf_oh_get_stream_data)                                                                     \
    X(qpdf_oh_get_utf8_value)                                                                      \
    X(qpdf_oh_has_key)                                                                             \
    X(qpdf_oh_is_array)                                                                            \
    X(qpdf_oh_is_dictionary)                                                                       \
    X(qpdf_oh_is_dictionary_of_type)                                                               \
    X(qpdf_oh_is_name)                                                                             \
    X(qpdf_oh_is_name_and_equals)                                                                  \
    X(qpdf_oh_is_stream)                                                                           \
    X(qpdf_oh_is_string)                                                                           \
    X(qpdf_oh_new_array)                                                                           \
    X(qpdf_oh_new_dictionary)                                                                      \
    X(qpdf_oh_new_integer)                                                                         \
    X(qpdf_oh_new_name)                                                                            \
    X(qpdf_oh_new_null)                                                                            \
    X(qpdf_oh_new_stream)                                                                          \
    X(qpdf_oh_new_string)                                                                          \
    X(qpdf_oh_new_unicode_string)                                                                  \
    X(qpdf_oh_parse)                                                                               \
    X(qpdf_oh_release)                                                                             \
    X(qpdf_oh_remove_key)                                                                          \
    X(qpdf_oh_replace_key)                                                                         \
    X(qpdf_oh_replace_stream_data)                                                                 \
    X(qpdf_oh_set_array_item)                                                                      \
    X(qpdf_oh_wrap_in_array)                                                                       \
    X(qpdf_read_memory)                                                                            \
    X(qpdf_remove_page)                                                                            \
    X(qpdf_set_deterministic_ID)                                                                   \
    X(qpdf_set_newline_before_endstream)                                                           \
    X(qpdf_set_object_stream_mode)                                                                 \
    X(qpdf_set_suppress_warnings)                                                                  \
    X(qpdf_silence_errors)                                                                         \
    X(qpdf_write)

/* The functions, called as Q->qpdf_oh_parse(q, …) with Q passed down from pp_qpdf_open. */
typedef struct pp_qpdf_api {
#define PP_QPDF_FIELD(fn) __typeof__(fn) *fn;
    PP_QPDF_FUNCTIONS(PP_QPDF_FIELD)
#undef PP_QPDF_FIELD
} pp_qpdf_api;

/* Opens libqpdf (its soname PP_QPDF, found by CMake) into api; false with err set when it cannot
 * be loaded. It then stays loaded until the process ends. */
bool pp_qpdf_open(pp_qpdf_api *api, pp_error *err);

/* A new (direct) stream holding n bytes of data, with the dictionary entries of dict (PDF syntax,
 * "<< /Subtype /XML >>"). */
qpdf_oh pp_qpdf_stream(const pp_qpdf_api *Q, qpdf_data q, const void *data, size_t n,
                       const char *dict);

#endif
