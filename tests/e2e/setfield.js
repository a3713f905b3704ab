// Sets one field of a form as MuPDF does, read-only or not, for the bad-input catalogue
// (tests/e2e/bad.sh). Usage: mutool run setfield.js IN.pdf OUT.pdf NAME VALUE
// VALUE is a JSON string ("a\nb"), so that control characters and line breaks can be given.
var doc = new PDFDocument(scriptArgs[0]);
var name = scriptArgs[2], value = JSON.parse(scriptArgs[3]), found = false;
for (var p = 0; p < doc.countPages(); p++) {
    var annots = doc.findPage(p).get("Annots"), widgets = doc.loadPage(p).getWidgets();
    for (var i = 0; i < widgets.length; i++) {
        var a = annots.get(i), t = a.get("T");
        if (t === undefined || t.asString() !== name) continue;
        a.put("V", doc.newString(value));
        a.delete("AP");
        found = true;
    }
}
if (!found) throw new Error("no field " + name);
doc.save(scriptArgs[1], "incremental");
