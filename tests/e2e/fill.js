// Fills every field of a praatplaat form the way MuPDF-based readers do (set each widget's value,
// update its appearance, save incrementally), for the round-trip test (tests/e2e/form.sh). The same
// plan as tests/tools/pp_fill_poppler.c. Usage:
//   mutool run fill.js IN.pdf OUT.pdf PREFIX SPECIAL.txt [ROLE CARD] > MARKERS.txt
// A network map's cells get two partners each (the first with a note, ROLE's marks and an answer on
// CARD), its links field a link between the two partners of each cell (docs/forms.md).
var doc = new PDFDocument(scriptArgs[0]);
var prefix = scriptArgs[2];
var special = read(scriptArgs[3]).replace(/\s+$/, "");
var counter = 0, longDone = false, groups = {}, nGroups = 0;
var role = scriptArgs[4], card = scriptArgs[5], pairs = [];

function marker() {
    var n = counter++, tail = "";
    do {
        tail += String.fromCharCode(97 + n % 26);
        n = Math.floor(n / 26);
    } while (n);
    var m = prefix + "markz" + tail;
    print(m);
    return m;
}

function words(n) {
    var out = [];
    for (var i = 0; i < n; i++) out.push(marker());
    return out.join(" ");
}

function valueFor(name) {
    if (/date$/.test(name)) {
        var n = counter++;
        return "2027-0" + (1 + n % 9) + "-1" + (n % 10);
    }
    if (name === "header:partnership") return special;
    if (name === "links") return pairs.join("\n");
    var a = marker(), b = marker(), c = marker();
    if (name === "header:participants") return a + "; " + b + "; " + c + "\n" + a;
    if (/^notes:/.test(name)) return a + " " + b + "\n1. " + c;
    if (/^postits:/.test(name)) return "[blue] " + a + "\n-- " + b + "\n\n" + c;
    if (/^partners:/.test(name)) {
        var d = marker(), e = marker(), note = c;
        if (!longDone) note += " " + words(300);
        longDone = true;
        pairs.push(a + " " + b + " \u2014 " + d);
        return a + " " + b + "\n" + note + "\n[" + role + " \u00d72]\n[" + card + "] " + e + "\n\n" + d;
    }
    if (/^cell:/.test(name) && !longDone) {
        longDone = true;
        return a + " " + b + " " + c + " " + words(300);
    }
    return a + " " + b + " " + c;
}

function fieldName(annot) {
    var t = annot.get("T");
    if (t === undefined) t = annot.get("Parent").get("T");
    return t.asString();
}

for (var p = 0; p < doc.countPages(); p++) {
    var annots = doc.findPage(p).get("Annots");
    var widgets = doc.loadPage(p).getWidgets();
    for (var i = 0; i < widgets.length; i++) {
        var w = widgets[i], name = fieldName(annots.get(i)), type = w.getFieldType();
        if (type === "text" && !w.isReadOnly()) {
            w.setTextValue(valueFor(name));
            w.update();
        } else if (type === "radiobutton") {
            if (!(name in groups)) groups[name] = {group: nGroups++, index: 0};
            var g = groups[name], n = /^score:/.test(name) ? 3 : 2;
            // the button before the one poppler's filler picks, so the two fillers differ
            if (g.index === (g.group + 1) % n) {
                w.toggle();
                w.update();
            }
            g.index++;
        }
    }
}
doc.save(scriptArgs[1], "incremental");
