// Text folded as the matcher folds names: no accents, lower case, typographic
// apostrophe as ', œ/æ spelt out, dashes as '-' and no-break spaces as spaces; so
// "hopital" finds "Hôpital" and "l'hotel" "l’Hôtel".
export function fold(text) {
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2019\u2018\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}
