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
    "aaron",      "abdel",       "abdelaziz",  "abdelhak",     "abdelkader", "abdelkrim",
    "abdellah",   "abdelmajid",  "abderrahim", "abderrahmane", "abdessamad", "abdou",
    "abdoulaye",  "abel",        "achille",    "achraf",       "ada",        "adam",
    "adama",      "adel",        "adelaide",   "adele",        "adeline",    "adil",
    "adnane",     "adolphe",     "adrian",     "adrien",       "adrienne",   "agathe",
    "agnes",      "ahmed",       "ahmet",      "aicha",        "aida",       "aime",
    "aimee",      "alain",       "alban",      "albane",       "albert",     "alberto",
    "albin",      "alda",        "aldo",       "alessandro",   "alex",       "alexandra",
    "alexandre",  "alexandrine", "alexia",     "alexis",       "alfred",     "alfreda",
    "ali",        "alice",       "alicia",     "aliette",      "aline",      "alison",
    "alix",       "allan",       "alphonse",   "amalia",       "amandine",   "amar",
    "amaury",     "ambre",       "ambroise",   "amedee",       "amel",       "amelia",
    "amelie",     "amina",       "amine",      "amir",         "amira",      "ana",
    "anabelle",   "anaelle",     "anahid",     "anais",        "anastasia",  "anatole",
    "andre",      "andrea",      "andree",     "andres",       "andy",       "ange",
    "angela",     "angele",      "angeline",   "angelique",    "angelo",     "anissa",
    "anna",       "annabelle",   "anne",       "annette",      "annick",     "annie",
    "anouk",      "anselme",     "anthime",    "anthony",      "antoine",    "antoinette",
    "antonella",  "antonin",     "antonio",    "antony",       "apolline",   "aram",
    "ariane",     "arielle",     "aristide",   "arlette",      "armand",     "armande",
    "armel",      "armelle",     "arnaud",     "arnold",       "arsene",     "arthur",
    "arturo",     "asma",        "asmaa",      "assia",        "astrid",     "aude",
    "audrey",     "audric",      "auguste",    "augustin",     "aurele",     "aurelia",
    "aurelie",    "aurelien",    "aurore",     "axel",         "axelle",     "ayla",
    "aymen",      "aymeric",     "aziz",       "aziza",        "babette",    "baptiste",
    "baptistin",  "barbara",     "barthelemy", "basile",       "basma",      "bastien",
    "bastienne",  "baudouin",    "beatrice",   "belkacem",     "benedict",   "benedicte",
    "benjamin",   "benoit",      "benoite",    "berangere",    "berenice",   "bernadette",
    "bernard",    "bernardette", "berthe",     "bertrand",     "bettina",    "betty",
    "bianca",     "bilal",       "bilel",      "blaise",       "blandine",   "boris",
    "brahim",     "brice",       "brieuc",     "brigitte",     "bruna",      "bruno",
    "calixte",    "camelia",     "camilla",    "camille",      "candice",    "capucine",
    "carina",     "carine",      "carl",       "carla",        "carlo",      "carlos",
    "carmela",    "carmen",      "carole",     "carolina",     "caroline",   "cassandra",
    "cassandre",  "catalina",    "catherine",  "cathy",        "cecile",     "cedric",
    "celestin",   "celia",       "celine",     "chahrazed",    "chaima",     "chakib",
    "chantal",    "charlene",    "charles",    "charlie",      "charline",   "charlotte",
    "charly",     "cherif",      "chiara",     "chloe",        "christel",   "christelle",
    "christian",  "christiane",  "christine",  "christophe",   "cindy",      "claire",
    "clara",      "clarisse",    "claude",     "claudette",    "claudia",    "claudine",
    "claudio",    "clemence",    "clement",    "clementine",   "clotilde",   "colette",
    "coline",     "conrad",      "constance",  "constant",     "coralie",    "corentin",
    "corinne",    "cosette",     "cristina",   "cyprien",      "cyrielle",   "cyril",
    "cyrille",    "dalila",      "damien",     "daniel",       "daniela",    "daniele",
    "danielle",   "dany",        "daphne",     "david",        "deborah",    "delphine",
    "denis",      "denise",      "diane",      "didier",       "diego",      "dimitri",
    "djamel",     "djamila",     "djibril",    "dolores",      "dominique",  "donatien",
    "dorian",     "doriane",     "dorothee",   "driss",        "dylan",      "eddy",
    "edgar",      "edith",       "edmond",     "edouard",      "edwige",     "elena",
    "eleonore",   "eliane",      "elias",      "elie",         "elina",      "eliott",
    "elisa",      "elisabeth",   "elise",      "ella",         "elodie",     "eloi",
    "eloise",     "elsa",        "elvire",     "emeline",      "emeric",     "emile",
    "emilie",     "emilien",     "emilio",     "emma",         "emmanuel",   "emmanuelle",
    "enguerrand", "enora",       "enzo",       "eric",         "erick",      "erik",
    "ernest",     "erwan",       "esteban",    "estelle",      "esther",     "ethan",
    "etienne",    "eudes",       "eugene",     "eugenie",      "eva",        "evan",
    "evariste",   "evelyne",     "ewen",       "fabien",       "fabienne",   "fabio",
    "fabiola",    "fabrice",     "fadila",     "fanny",        "farah",      "farid",
    "farida",     "fatiha",      "fatima",     "faustine",     "felicie",    "felix",
    "ferdinand",  "fernand",     "fernande",   "fernando",     "fethi",      "filippo",
    "flavie",     "flavien",     "fleur",      "flora",        "florent",    "florentin",
    "florian",    "florine",     "fouad",      "francesca",    "francesco",  "francine",
    "francis",    "franck",      "francky",    "franco",       "francois",   "francoise",
    "frank",      "frankie",     "frantz",     "freddy",       "frederic",   "frederique",
    "fulbert",    "gabriel",     "gabriela",   "gabrielle",    "gael",       "gaelle",
    "gaetan",     "garo",        "gaspard",    "gaston",       "gauthier",   "gautier",
    "genevieve",  "geoffrey",    "geoffroy",   "georges",      "georgette",  "gerald",
    "geraldine",  "gerard",      "germain",    "germaine",     "gerome",     "ghisele",
    "ghislain",   "ghislaine",   "gianni",     "gilbert",      "gilberte",   "gilles",
    "gina",       "ginette",     "gino",       "giorgio",      "giovanni",   "gisele",
    "giulia",     "giuseppe",    "gladys",     "glenn",        "goulven",    "gregoire",
    "gregory",    "guilhem",     "guillaume",  "guillemette",  "gustave",    "guy",
    "gwenael",    "gwenaelle",   "gwendal",    "gwendoline",   "gwennael",   "gwenola",
    "habib",      "hadidja",     "hadrien",    "hafid",        "hafida",     "hagop",
    "hakim",      "hamid",       "hanane",     "hanna",        "hans",       "harold",
    "hassan",     "hector",      "helena",     "helene",       "heloise",    "henri",
    "henriette",  "henry",       "herbert",    "hermine",      "herve",      "hicham",
    "hichem",     "hilaire",     "hippolyte",  "hocine",       "honore",     "hortense",
    "houda",      "houria",      "houssem",    "hubert",       "hugo",       "hugues",
    "huguette",   "hussein",     "hyacinthe",  "ibrahim",      "idriss",     "ignace",
    "igor",       "ilhem",       "ilyes",      "imane",        "imen",       "inaya",
    "ines",       "ingrid",      "irene",      "iris",         "isaac",      "isabeau",
    "isabella",   "isabelle",    "isidore",    "ismael",       "issa",       "ivan",
    "jacky",      "jacqueline",  "jacques",    "jade",         "jamal",      "jamel",
    "james",      "janine",      "jasmine",    "jason",        "jean",       "jeanick",
    "jeanne",     "jeannette",   "jeannine",   "jeannot",      "jennifer",   "jeremie",
    "jeremy",     "jerome",      "jessica",    "jessy",        "jihane",     "jimmy",
    "jo",         "joachim",     "joanna",     "joao",         "jocelyn",    "jocelyne",
    "joel",       "joelle",      "johan",      "johanna",      "john",       "johnny",
    "jonathan",   "jordan",      "jordi",      "jorge",        "joris",      "jose",
    "josee",      "joseph",      "josephine",  "josette",      "josiane",    "josselin",
    "josy",       "juan",        "judith",     "jules",        "julia",      "julian",
    "juliane",    "julie",       "julien",     "julienne",     "juliette",   "justin",
    "justine",    "kader",       "kamel",      "karen",        "karim",      "karima",
    "karine",     "karl",        "katell",     "kathy",        "katia",      "kelly",
    "kenza",      "kevin",       "khadidja",   "khadija",      "khaled",     "khalid",
    "kilian",     "killian",     "krikor",     "kurt",         "ladislas",   "laetitia",
    "laila",      "lakhdar",     "lalie",      "lambert",      "lamia",      "lara",
    "larbi",      "latifa",      "laura",      "laure",        "laurence",   "laurent",
    "laurine",    "lea",         "leandre",    "leila",        "lena",       "leo",
    "leon",       "leonard",     "leonie",     "leopold",      "liam",       "lila",
    "lilian",     "liliane",     "lina",       "linda",        "line",       "lionel",
    "lisa",       "lise",        "lisette",    "loic",         "lola",       "lorene",
    "lorenzo",    "loris",       "lotfi",      "lou",          "louis",      "louisa",
    "louise",     "louison",     "louna",      "luc",          "luca",       "lucas",
    "luce",       "lucette",     "lucia",      "luciana",      "lucie",      "lucien",
    "lucienne",   "lucille",     "ludivine",   "ludmila",      "ludovic",    "luigi",
    "luis",       "lydia",       "lydie",      "lyes",         "lylia",      "madeleine",
    "mael",       "maelle",      "maeva",      "magali",       "magalie",    "maggy",
    "mahmoud",    "mailys",      "maite",      "maiwenn",      "malik",      "malika",
    "malo",       "mamadou",     "manon",      "manuel",       "manuela",    "marc",
    "marceau",    "marcel",      "marceline",  "marcelle",     "marcello",   "marco",
    "margaux",    "margot",      "marguerite", "maria",        "mariam",     "marian",
    "marianne",   "marie",       "marielle",   "marilyne",     "marin",      "marina",
    "marine",     "mario",       "marion",     "marisol",      "marius",     "marjorie",
    "marlene",    "marthe",      "martial",    "martin",       "martine",    "maryam",
    "marylene",   "maryline",    "maryse",     "maryvonne",    "massimo",    "mathias",
    "mathieu",    "mathilde",    "mathis",     "matteo",       "matthieu",   "maud",
    "maurice",    "mauricette",  "max",        "maxence",      "maxime",     "maya",
    "mederic",    "medhi",       "mehdi",      "melanie",      "melina",     "melissa",
    "melodie",    "mercedes",    "meriem",     "merlin",       "mia",        "michael",
    "michel",     "michele",     "micheline",  "michelle",     "mickael",    "miguel",
    "mila",       "milena",      "mireille",   "mohamed",      "mohammed",   "mondher",
    "monica",     "monique",     "morgan",     "morgane",      "mounir",     "mourad",
    "moussa",     "muriel",      "murielle",   "mustapha",     "mylene",     "myriam",
    "nabil",      "nabila",      "nacer",      "nadege",       "nadia",      "nadine",
    "nadira",     "naima",       "najat",      "naomi",        "narjes",     "nasser",
    "nassim",     "natacha",     "natalie",    "natasha",      "nathalie",   "nathan",
    "nathanael",  "nawel",       "nazim",      "nelly",        "nevart",     "nicolas",
    "nicole",     "nicolette",   "nicolle",    "nikan",        "nina",       "ninon",
    "noah",       "noam",        "noe",        "noelle",       "noemie",     "nolan",
    "nolwenn",    "nora",        "norbert",    "nordine",      "noureddine", "nourredine",
    "oceane",     "octave",      "odette",     "odile",        "olga",       "olivia",
    "olivier",    "omar",        "ophelie",    "oriane",       "orlane",     "oscar",
    "otto",       "oumar",       "ousmane",    "pablo",        "paloma",     "paola",
    "paolo",      "pascal",      "pascale",    "pascaline",    "patrice",    "patricia",
    "patrick",    "paul",        "paule",      "paulette",     "paulin",     "pauline",
    "paulo",      "pedro",       "peggy",      "penelope",     "perrine",    "philippe",
    "philomene",  "pierre",      "pierrette",  "pierrick",     "pietro",     "pilar",
    "prisca",     "priscilla",   "priscille",  "quentin",      "rabah",      "rachel",
    "rachid",     "rachida",     "rafael",     "ralf",         "rania",      "raoul",
    "raphael",    "rayan",       "raymond",    "raymonde",     "rebecca",    "reda",
    "redouane",   "regine",      "regis",      "remi",         "remy",       "renato",
    "renaud",     "rene",        "renee",      "riad",         "ricardo",    "richard",
    "robert",     "roberte",     "roberto",    "robin",        "rodolphe",   "rodrigue",
    "roger",      "roland",      "rolande",    "romain",       "romane",     "romeo",
    "romuald",    "romy",        "ronan",      "rosa",         "rosalie",    "rose",
    "roselyne",   "rosine",      "roxane",     "rozenn",       "ruben",      "rudy",
    "ryad",       "sabah",       "sabine",     "sabri",        "sabrina",    "sacha",
    "safia",      "said",        "saida",      "salah",        "saliha",     "salim",
    "salima",     "salma",       "salome",     "salvatore",    "sami",       "samia",
    "samir",      "samira",      "samuel",     "samy",         "sandra",     "sandrine",
    "sandro",     "sandy",       "sara",       "sarah",        "sarkis",     "sasha",
    "sebastien",  "segolene",    "selim",      "serena",       "serge",      "sergio",
    "serguei",    "severin",     "severine",   "sharon",       "sibylle",    "sidonie",
    "sihem",      "silvia",      "simon",      "simone",       "sixtine",    "slimane",
    "smail",      "sofia",       "sofian",     "sofiane",      "sofien",     "soizic",
    "solange",    "solene",      "sonia",      "sophie",       "soraya",     "souad",
    "stanislas",  "steeve",      "stefano",    "stella",       "stephane",   "stephanie",
    "steve",      "steven",      "suzanne",    "suzette",      "suzy",       "sven",
    "sybille",    "sylvain",     "sylvestre",  "sylvia",       "sylviane",   "sylvianne",
    "sylvie",     "tanguy",      "tania",      "tarek",        "tarik",      "tatiana",
    "teddy",      "teresa",      "thaddee",    "thais",        "theo",       "theodore",
    "theophile",  "therese",     "thibaud",    "thibault",     "thibaut",    "thiebaut",
    "thierry",    "thomas",      "tiago",      "tifenn",       "timeo",      "timothee",
    "tiphaine",   "tony",        "tristan",    "ulysse",       "urbain",     "vahe",
    "valentin",   "valentine",   "valere",     "valerie",      "valery",     "vanessa",
    "vanina",     "veronique",   "victoire",   "victor",       "victoria",   "vincent",
    "vincenzo",   "violaine",    "violette",   "virgile",      "virginie",   "viviane",
    "vivien",     "vladimir",    "wafa",       "wahid",        "walid",      "walter",
    "wassim",     "wendy",       "wilfrid",    "wilfried",     "william",    "willy",
    "xavier",     "yacine",      "yamina",     "yanis",        "yann",       "yannick",
    "yasmin",     "yasmina",     "yasmine",    "yassine",      "yazid",      "yoann",
    "yohan",      "yohann",      "yolaine",    "yolande",      "youcef",     "youenn",
    "younes",     "youri",       "youssef",    "yvan",         "yvelise",    "yves",
    "yvette",     "yvon",        "yvonne",     "zacharie",     "zahra",      "zakaria",
    "zelie",      "zineb",       "zinedine",   "zoe",          "zohra",      "zoubir",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the word w[0, n) is one of the sorted list's `count` words. */
static int in_sorted(const char *const *list, size_t count, const char *w, size_t n)
{
    char buf[32];
    if (n == 0 || n >= sizeof(buf))
        return 0;
    memcpy(buf, w, n);
    buf[n] = '\0';
    const char *key = buf;
    return bsearch(&key, list, count, sizeof(char *), cmp_str) != NULL;
}

int sg_first_name_word(const char *w, size_t n)
{
    return in_sorted(first_names, sizeof(first_names) / sizeof(*first_names), w, n);
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

/* The particles of surnames, folded and sorted: Le Toulec, La Fontaine, Ben
 * Brahim, Van Damme, Da Silva, Das Neves, Di Meglio, Do Carmo, Dos Santos, El
 * Khomri, Al Fayed, De Mester; the second of two, Van Den Bulcke, Van Der
 * Meer. */
static const char *const particles[] = {"al",  "ben", "da",  "das", "de", "del", "della",
                                        "den", "der", "des", "di",  "do", "dos", "du",
                                        "el",  "la",  "le",  "van", "von"};

int sg_surname_particle(const char *w, size_t n)
{
    return in_sorted(particles, sizeof(particles) / sizeof(*particles), w, n);
}

const char *const *sg_first_names(size_t *n)
{
    *n = sizeof(first_names) / sizeof(*first_names);
    return first_names;
}
