/* Common French first names (masculine, feminine and both), with those of
 * Maghrebi, Armenian, Italian and Breton origin and the English diminutives common in
 * the region's press (Basma, Saïd, Hagop, Cathy), written from general
 * knowledge for the suggester: a capitalised word found here before
 * a capitalised surname names a person ("Michel Dugois"). Folded as the
 * matcher folds (lower case, no accents) and sorted in byte order, so that a
 * binary search finds them; a compound (Jean-Paul, Marie-Claude: "jean
 * paul" once folded) is a first name when each of its parts is. Names that
 * are mostly places or words (France, Florence, Nancy, Noël) are left out. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

static const char *const first_names[] = {
    "aaron",        "abdel",      "abdelaziz",  "abdelhak",   "abdelkader", "abdellah",
    "abderrahmane", "abdoulaye",  "abel",       "achille",    "ada",        "adam",
    "adele",        "adeline",    "adolphe",    "adrien",     "adrienne",   "agathe",
    "agnes",        "ahmed",      "aicha",      "aime",       "alain",      "alban",
    "albane",       "albert",     "alberto",    "aldo",       "alessandro", "alex",
    "alexandra",    "alexandre",  "alexia",     "alexis",     "alfred",     "ali",
    "alice",        "aline",      "alix",       "alphonse",   "amandine",   "amaury",
    "ambre",        "ambroise",   "amedee",     "amel",       "amelie",     "amina",
    "amine",        "amira",      "ana",        "anaelle",    "anahid",     "anais",
    "anastasia",    "anatole",    "andre",      "andrea",     "andree",     "andres",
    "ange",         "angela",     "angele",     "angelique",  "angelo",     "anissa",
    "anna",         "anne",       "annick",     "annie",      "anouk",      "anselme",
    "anthony",      "antoine",    "antoinette", "antonella",  "antonin",    "antonio",
    "apolline",     "aram",       "arielle",    "arlette",    "armand",     "armel",
    "armelle",      "arnaud",     "arsene",     "arthur",     "asma",       "assia",
    "astrid",       "aude",       "audrey",     "auguste",    "augustin",   "aurele",
    "aurelie",      "aurelien",   "aurore",     "axel",       "ayla",       "aymeric",
    "aziz",         "baptiste",   "baptistin",  "barthelemy", "basile",     "basma",
    "bastien",      "baudouin",   "beatrice",   "belkacem",   "benedicte",  "benjamin",
    "benoit",       "berangere",  "berenice",   "bernadette", "bernard",    "berthe",
    "bertrand",     "betty",      "bilal",      "blaise",     "blandine",   "boris",
    "brahim",       "brice",      "brieuc",     "brigitte",   "bruno",      "calixte",
    "camille",      "capucine",   "carine",     "carl",       "carla",      "carlo",
    "carlos",       "carmen",     "carole",     "caroline",   "cassandre",  "catherine",
    "cathy",        "cecile",     "cedric",     "celine",     "chantal",    "charlene",
    "charles",      "charlotte",  "charly",     "chiara",     "chloe",      "christel",
    "christelle",   "christian",  "christiane", "christine",  "christophe", "cindy",
    "claire",       "clara",      "clarisse",   "claude",     "claudia",    "claudine",
    "claudio",      "clemence",   "clement",    "clementine", "clotilde",   "colette",
    "coline",       "constance",  "constant",   "coralie",    "corentin",   "corinne",
    "cyprien",      "cyrielle",   "cyril",      "cyrille",    "dalila",     "damien",
    "daniel",       "daniele",    "danielle",   "david",      "delphine",   "denis",
    "denise",       "diane",      "didier",     "diego",      "dimitri",    "djamel",
    "djamila",      "dominique",  "donatien",   "dorothee",   "dylan",      "eddy",
    "edgar",        "edith",      "edmond",     "edouard",    "elena",      "eleonore",
    "eliane",       "elie",       "eliott",     "elisa",      "elisabeth",  "elise",
    "ella",         "elodie",     "eloise",     "elsa",       "emeric",     "emile",
    "emilie",       "emilio",     "emma",       "emmanuel",   "emmanuelle", "enguerrand",
    "enora",        "enzo",       "eric",       "erick",      "erik",       "ernest",
    "erwan",        "estelle",    "esther",     "ethan",      "etienne",    "eudes",
    "eugene",       "eugenie",    "eva",        "evan",       "evariste",   "evelyne",
    "ewen",         "fabien",     "fabienne",   "fabio",      "fabrice",    "fanny",
    "farid",        "farida",     "fatiha",     "fatima",     "felix",      "ferdinand",
    "fernand",      "fernando",   "filippo",    "fleur",      "flora",      "florent",
    "florentin",    "florian",    "florine",    "fouad",      "francesca",  "francesco",
    "francine",     "francis",    "franck",     "francky",    "franco",     "francois",
    "francoise",    "frank",      "frantz",     "freddy",     "frederic",   "frederique",
    "fulbert",      "gabriel",    "gabriela",   "gabrielle",  "gael",       "gaelle",
    "gaetan",       "garo",       "gaspard",    "gaston",     "gauthier",   "gautier",
    "genevieve",    "geoffrey",   "geoffroy",   "georges",    "georgette",  "gerald",
    "geraldine",    "gerard",     "germain",    "gerome",     "ghisele",    "ghislain",
    "ghislaine",    "gianni",     "gilbert",    "gilberte",   "gilles",     "ginette",
    "gino",         "giorgio",    "giovanni",   "gisele",     "giulia",     "giuseppe",
    "glenn",        "goulven",    "gregoire",   "gregory",    "guillaume",  "gustave",
    "guy",          "gwenael",    "gwenaelle",  "gwendal",    "gwendoline", "gwennael",
    "gwenola",      "hadidja",    "hadrien",    "hafida",     "hagop",      "hakim",
    "hamid",        "hanane",     "hans",       "harold",     "hassan",     "helene",
    "heloise",      "henri",      "henriette",  "henry",      "herbert",    "herve",
    "hichem",       "hilaire",    "hippolyte",  "hocine",     "honore",     "hortense",
    "houda",        "houria",     "hubert",     "hugo",       "hugues",     "huguette",
    "hussein",      "ibrahim",    "idriss",     "ignace",     "igor",       "ilyes",
    "imane",        "ines",       "ingrid",     "irene",      "iris",       "isaac",
    "isabella",     "isabelle",   "ismael",     "issa",       "ivan",       "jacky",
    "jacqueline",   "jacques",    "jade",       "jamal",      "jamel",      "james",
    "janine",       "jasmine",    "jean",       "jeanick",    "jeanne",     "jeannine",
    "jeannot",      "jennifer",   "jeremie",    "jeremy",     "jerome",     "jessica",
    "jimmy",        "jo",         "joachim",    "joao",       "jocelyn",    "jocelyne",
    "joel",         "joelle",     "johan",      "john",       "johnny",     "jonathan",
    "jordan",       "jordi",      "jorge",      "joris",      "jose",       "josee",
    "joseph",       "josephine",  "josette",    "josiane",    "josselin",   "josy",
    "juan",         "judith",     "jules",      "julia",      "julie",      "julien",
    "juliette",     "justin",     "justine",    "kader",      "kamel",      "karim",
    "karima",       "karine",     "karl",       "katell",     "kathy",      "katia",
    "kelly",        "kenza",      "kevin",      "khadidja",   "khadija",    "khaled",
    "khalid",       "kilian",     "killian",    "krikor",     "kurt",       "ladislas",
    "laetitia",     "laila",      "lakhdar",    "lambert",    "lamia",      "larbi",
    "latifa",       "laura",      "laure",      "laurence",   "laurent",    "lea",
    "leandre",      "leila",      "lena",       "leo",        "leon",       "leonard",
    "leonie",       "liam",       "lila",       "lilian",     "liliane",    "lina",
    "linda",        "line",       "lionel",     "lise",       "lisette",    "loic",
    "lola",         "lorenzo",    "loris",      "lotfi",      "lou",        "louis",
    "louise",       "louna",      "luc",        "luca",       "lucas",      "luce",
    "lucette",      "lucia",      "luciana",    "lucie",      "lucien",     "lucienne",
    "lucille",      "ludivine",   "ludovic",    "luigi",      "luis",       "lydia",
    "lydie",        "lylia",      "madeleine",  "mael",       "maelle",     "maeva",
    "magali",       "mahmoud",    "mailys",     "maite",      "maiwenn",    "malik",
    "malika",       "malo",       "mamadou",    "manon",      "manuel",     "marc",
    "marcel",       "marceline",  "marcelle",   "marcello",   "marco",      "margaux",
    "margot",       "marguerite", "maria",      "marian",     "marianne",   "marie",
    "marielle",     "marilyne",   "marin",      "marina",     "marine",     "mario",
    "marion",       "marisol",    "marius",     "marjorie",   "marthe",     "martial",
    "martin",       "martine",    "marylene",   "maryline",   "maryse",     "maryvonne",
    "massimo",      "mathias",    "mathieu",    "mathilde",   "mathis",     "matteo",
    "matthieu",     "maud",       "maurice",    "mauricette", "max",        "maxence",
    "maxime",       "mederic",    "mehdi",      "melanie",    "melissa",    "mercedes",
    "meriem",       "merlin",     "mia",        "michael",    "michel",     "michele",
    "micheline",    "michelle",   "mickael",    "miguel",     "mila",       "mireille",
    "mohamed",      "mohammed",   "mondher",    "monica",     "monique",    "morgan",
    "morgane",      "mounir",     "mourad",     "moussa",     "muriel",     "murielle",
    "mustapha",     "mylene",     "myriam",     "nabil",      "nabila",     "nacer",
    "nadege",       "nadia",      "nadine",     "nadira",     "naima",      "najat",
    "nasser",       "nassim",     "natalie",    "nathalie",   "nathan",     "nawel",
    "nazim",        "nelly",      "nevart",     "nicolas",    "nicole",     "nicolette",
    "nikan",        "nina",       "ninon",      "noah",       "noe",        "noelle",
    "noemie",       "nolan",      "nolwenn",    "nora",       "norbert",    "nordine",
    "noureddine",   "nourredine", "oceane",     "octave",     "odette",     "odile",
    "olga",         "olivia",     "olivier",    "omar",       "ophelie",    "oscar",
    "otto",         "ousmane",    "pablo",      "paola",      "paolo",      "pascal",
    "pascale",      "patrice",    "patricia",   "patrick",    "paul",       "paule",
    "paulette",     "pauline",    "paulo",      "pedro",      "peggy",      "penelope",
    "perrine",      "philippe",   "pierre",     "pierrette",  "pierrick",   "pietro",
    "pilar",        "priscilla",  "quentin",    "rabah",      "rachel",     "rachid",
    "rachida",      "rafael",     "ralf",       "rania",      "raoul",      "raphael",
    "rayan",        "raymond",    "raymonde",   "rebecca",    "reda",       "redouane",
    "regine",       "regis",      "remi",       "remy",       "renato",     "renaud",
    "rene",         "renee",      "riad",       "ricardo",    "richard",    "robert",
    "roberto",      "robin",      "rodolphe",   "rodrigue",   "roger",      "roland",
    "rolande",      "romain",     "romane",     "romeo",      "romy",       "ronan",
    "rosa",         "rose",       "roselyne",   "rosine",     "roxane",     "rozenn",
    "rudy",         "ryad",       "sabah",      "sabine",     "sabrina",    "sacha",
    "safia",        "said",       "saida",      "salah",      "saliha",     "salim",
    "salima",       "salma",      "salome",     "salvatore",  "sami",       "samia",
    "samir",        "samira",     "samuel",     "samy",       "sandra",     "sandrine",
    "sandro",       "sandy",      "sarah",      "sarkis",     "sasha",      "sebastien",
    "segolene",     "selim",      "serge",      "sergio",     "serguei",    "severin",
    "severine",     "sihem",      "silvia",     "simon",      "simone",     "slimane",
    "smail",        "sofia",      "sofian",     "sofiane",    "sofien",     "soizic",
    "solange",      "solene",     "sonia",      "sophie",     "soraya",     "souad",
    "stanislas",    "stefano",    "stephane",   "stephanie",  "steve",      "steven",
    "suzanne",      "suzette",    "sven",       "sylvain",    "sylvestre",  "sylvia",
    "sylviane",     "sylvie",     "tanguy",     "tarek",      "tarik",      "tatiana",
    "teddy",        "teresa",     "thaddee",    "theo",       "theodore",   "theophile",
    "therese",      "thibaud",    "thibault",   "thibaut",    "thiebaut",   "thierry",
    "thomas",       "tifenn",     "timeo",      "timothee",   "tiphaine",   "tony",
    "tristan",      "ulysse",     "urbain",     "vahe",       "valentin",   "valentine",
    "valere",       "valerie",    "valery",     "vanessa",    "veronique",  "victoire",
    "victor",       "victoria",   "vincent",    "vincenzo",   "violaine",   "violette",
    "virgile",      "virginie",   "viviane",    "vivien",     "vladimir",   "wafa",
    "wahid",        "walid",      "walter",     "wilfrid",    "wilfried",   "william",
    "willy",        "xavier",     "yacine",     "yamina",     "yanis",      "yann",
    "yannick",      "yasmin",     "yasmina",    "yasmine",    "yassine",    "yazid",
    "yoann",        "yohan",      "yohann",     "yolande",    "youcef",     "youenn",
    "youssef",      "yvan",       "yves",       "yvette",     "yvon",       "yvonne",
    "zahra",        "zakaria",    "zineb",      "zinedine",   "zoe",        "zohra",
    "zoubir",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int sg_first_name_word(const char *w, size_t n)
{
    char buf[32];
    if (n == 0 || n >= sizeof(buf))
        return 0;
    memcpy(buf, w, n);
    buf[n] = '\0';
    const char *key = buf;
    return bsearch(&key, first_names, sizeof(first_names) / sizeof(*first_names), sizeof(char *),
                   cmp_str) != NULL;
}

int sg_first_name(const char *w)
{
    if (!*w)
        return 0;
    for (;;) {
        const char *sp = strchr(w, ' ');
        size_t n = sp ? (size_t)(sp - w) : strlen(w);
        if (!sg_first_name_word(w, n))
            return 0;
        if (!sp)
            return 1;
        w = sp + 1;
    }
}

const char *const *sg_first_names(size_t *n)
{
    *n = sizeof(first_names) / sizeof(*first_names);
    return first_names;
}
