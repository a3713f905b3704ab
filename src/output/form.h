/* Fillable PDFs (render --form): cairo 1.16 has no AcroForm API, so the fields are added with
 * libqpdf to the document cairo wrote. Every FIELD op of the scene becomes a field with its own
 * widget: text fields in the field's style (a shipped font, embedded whole and named in the
 * form's default resources, in the style's colour), radio groups with their own drawn marks. No
 * border or background (/MK is empty), so a blank form prints like the blank sheet. */
#ifndef PP_FORM_H
#define PP_FORM_H

#include "base/error.h"
#include "output/qpdfx.h"
#include "sheets/scene.h"

#include <glib.h>

typedef struct pp_form {
    GHashTable *values;   /* field name → value (a radio group's: its on-state); borrowed */
    const char *meta;     /* the hidden field's value (model/formfields.h); borrowed */
    size_t n_sheet_pages; /* the scene's first pages are the sheets; the rest draw field values */
} pp_form;

/* Adds the AcroForm of s to q (read from cairo's output of s), turns the pages after the sheets
 * into the appearance streams of the fields that name them (op->ap_page) and removes those pages.
 * path is for messages. */
pp_status pp_form_add(const pp_qpdf_api *Q, qpdf_data q, const pp_scene *s, const pp_form *form,
                      const char *path, pp_error *err);

#endif
