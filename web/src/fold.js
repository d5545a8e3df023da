// Text folded as the matcher folds names: no accents, lower case, typographic
// apostrophe as ', œ/æ spelt out; so "hopital" finds "Hôpital" and "l'Hôtel" "l’hôtel".
export function fold(text) {
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2019\u2018\u02bc]/g, "'")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}
