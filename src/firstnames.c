/* Common French first names (masculine, feminine and both), written from
 * general knowledge for the suggester: a capitalised word found here before
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
    "aaron",      "abdel",      "abdelkader", "abdellah",   "abdoulaye", "abel",       "achille",
    "ada",        "adam",       "adele",      "adeline",    "adolphe",   "adrien",     "adrienne",
    "agathe",     "agnes",      "ahmed",      "aicha",      "aime",      "alain",      "alban",
    "albane",     "albert",     "alberto",    "alessandro", "alexandra", "alexandre",  "alexia",
    "alexis",     "alfred",     "ali",        "alice",      "aline",     "alix",       "alphonse",
    "amandine",   "amaury",     "ambre",      "ambroise",   "amedee",    "amel",       "amelie",
    "amina",      "amine",      "ana",        "anais",      "anastasia", "anatole",    "andre",
    "andrea",     "andree",     "andres",     "ange",       "angele",    "angelique",  "angelo",
    "anna",       "anne",       "annick",     "annie",      "anouk",     "anselme",    "anthony",
    "antoine",    "antoinette", "antonin",    "antonio",    "apolline",  "arielle",    "arlette",
    "armand",     "armelle",    "arnaud",     "arsene",     "arthur",    "astrid",     "aude",
    "audrey",     "auguste",    "augustin",   "aurele",     "aurelie",   "aurelien",   "aurore",
    "axel",       "ayla",       "aymeric",    "baptiste",   "baptistin", "barthelemy", "basile",
    "bastien",    "baudouin",   "beatrice",   "benedicte",  "benjamin",  "benoit",     "berangere",
    "berenice",   "bernadette", "bernard",    "berthe",     "bertrand",  "blaise",     "blandine",
    "boris",      "brice",      "brigitte",   "bruno",      "calixte",   "camille",    "capucine",
    "carine",     "carl",       "carla",      "carlo",      "carlos",    "carmen",     "carole",
    "caroline",   "cassandre",  "catherine",  "cecile",     "cedric",    "celine",     "chantal",
    "charlene",   "charles",    "charlotte",  "charly",     "chiara",    "chloe",      "christelle",
    "christian",  "christiane", "christine",  "christophe", "claire",    "clara",      "clarisse",
    "claude",     "claudia",    "claudine",   "claudio",    "clemence",  "clement",    "clementine",
    "clotilde",   "colette",    "coline",     "constance",  "constant",  "coralie",    "corentin",
    "corinne",    "cyprien",    "cyrielle",   "cyril",      "cyrille",   "damien",     "daniel",
    "daniele",    "danielle",   "david",      "delphine",   "denis",     "denise",     "diane",
    "didier",     "diego",      "dimitri",    "djamila",    "dominique", "donatien",   "dorothee",
    "dylan",      "edgar",      "edith",      "edmond",     "edouard",   "elena",      "eleonore",
    "eliane",     "elie",       "eliott",     "elisa",      "elisabeth", "elise",      "ella",
    "elodie",     "eloise",     "elsa",       "emeric",     "emile",     "emilie",     "emilio",
    "emma",       "emmanuel",   "emmanuelle", "enguerrand", "enzo",      "eric",       "erik",
    "ernest",     "erwan",      "estelle",    "esther",     "etienne",   "eudes",      "eugene",
    "eugenie",    "eva",        "evan",       "evariste",   "evelyne",   "fabien",     "fabienne",
    "fabio",      "fabrice",    "fanny",      "farid",      "farida",    "fatiha",     "fatima",
    "felix",      "ferdinand",  "fernand",    "fernando",   "fleur",     "flora",      "florent",
    "florentin",  "florian",    "florine",    "francesca",  "francesco", "francine",   "francis",
    "franck",     "franco",     "francois",   "francoise",  "frantz",    "frederic",   "frederique",
    "fulbert",    "gabriel",    "gabriela",   "gabrielle",  "gael",      "gaelle",     "gaetan",
    "gaspard",    "gaston",     "gauthier",   "gautier",    "genevieve", "geoffrey",   "geoffroy",
    "georges",    "georgette",  "gerald",     "geraldine",  "gerard",    "germain",    "gerome",
    "ghisele",    "ghislain",   "ghislaine",  "gianni",     "gilbert",   "gilberte",   "gilles",
    "ginette",    "gino",       "giorgio",    "giovanni",   "gisele",    "giulia",     "giuseppe",
    "gregoire",   "gregory",    "guillaume",  "gustave",    "guy",       "gwenael",    "gwendoline",
    "hadrien",    "hakim",      "hamid",      "hans",       "hassan",    "helene",     "heloise",
    "henri",      "henriette",  "herbert",    "herve",      "hilaire",   "hippolyte",  "honore",
    "hortense",   "houria",     "hubert",     "hugo",       "hugues",    "huguette",   "ibrahim",
    "idriss",     "ignace",     "igor",       "ilyes",      "ines",      "ingrid",     "irene",
    "iris",       "isaac",      "isabella",   "isabelle",   "ismael",    "issa",       "ivan",
    "jacky",      "jacqueline", "jacques",    "jade",       "jamel",     "james",      "janine",
    "jasmine",    "jean",       "jeanne",     "jeannine",   "jeannot",   "jeremie",    "jeremy",
    "jerome",     "jessica",    "jo",         "joachim",    "joao",      "jocelyn",    "jocelyne",
    "joel",       "joelle",     "johan",      "john",       "jonathan",  "jordan",     "jorge",
    "joris",      "jose",       "joseph",     "josephine",  "josette",   "josiane",    "josselin",
    "juan",       "judith",     "jules",      "julia",      "julie",     "julien",     "juliette",
    "justin",     "justine",    "kader",      "karim",      "karima",    "karine",     "karl",
    "katia",      "kevin",      "khadija",    "khaled",     "kilian",    "killian",    "kurt",
    "laetitia",   "laila",      "lambert",    "laura",      "laure",     "laurence",   "laurent",
    "lea",        "leandre",    "leila",      "lena",       "leo",       "leon",       "leonard",
    "leonie",     "lila",       "lilian",     "liliane",    "lina",      "line",       "lionel",
    "loic",       "lola",       "lorenzo",    "loris",      "lou",       "louis",      "louise",
    "louna",      "luc",        "luca",       "lucas",      "luce",      "lucette",    "lucia",
    "lucie",      "lucien",     "lucienne",   "lucille",    "ludivine",  "ludovic",    "luigi",
    "luis",       "lydie",      "madeleine",  "maelle",     "maeva",     "magali",     "mahmoud",
    "mailys",     "maite",      "malik",      "malika",     "mamadou",   "manon",      "manuel",
    "marc",       "marcel",     "marceline",  "marcello",   "marco",     "margaux",    "margot",
    "marguerite", "maria",      "marianne",   "marie",      "marielle",  "marin",      "marine",
    "mario",      "marion",     "marisol",    "marius",     "marjorie",  "marthe",     "martial",
    "martin",     "martine",    "maryse",     "maryvonne",  "massimo",   "mathias",    "mathieu",
    "mathilde",   "mathis",     "matteo",     "matthieu",   "maud",      "maurice",    "mauricette",
    "max",        "maxence",    "maxime",     "mederic",    "mehdi",     "melanie",    "melissa",
    "mercedes",   "michael",    "michel",     "michele",    "micheline", "mickael",    "miguel",
    "mila",       "mireille",   "mohamed",    "mohammed",   "monique",   "morgan",     "morgane",
    "mourad",     "moussa",     "muriel",     "murielle",   "mustapha",  "myriam",     "nabil",
    "nadege",     "nadia",      "nadine",     "naima",      "najat",     "nassim",     "nathalie",
    "nathan",     "nelly",      "nicolas",    "nicole",     "nicolette", "nikan",      "nina",
    "ninon",      "noe",        "noemie",     "nora",       "norbert",   "nordine",    "oceane",
    "octave",     "odette",     "odile",      "olga",       "olivia",    "olivier",    "omar",
    "ophelie",    "oscar",      "otto",       "ousmane",    "pablo",     "paola",      "paolo",
    "pascal",     "pascale",    "patrice",    "patricia",   "patrick",   "paul",       "paule",
    "paulette",   "pauline",    "paulo",      "pedro",      "penelope",  "perrine",    "philippe",
    "pierre",     "pierrette",  "pierrick",   "pietro",     "pilar",     "quentin",    "rachel",
    "rachid",     "rachida",    "rafael",     "ralf",       "raoul",     "raphael",    "rayan",
    "raymond",    "raymonde",   "rebecca",    "reda",       "regine",    "regis",      "remi",
    "remy",       "renato",     "renaud",     "rene",       "renee",     "ricardo",    "richard",
    "robert",     "roberto",    "robin",      "rodolphe",   "rodrigue",  "roger",      "roland",
    "rolande",    "romain",     "romane",     "romeo",      "ronan",     "rosa",       "rose",
    "roselyne",   "rosine",     "roxane",     "rudy",       "sabine",    "sabrina",    "sacha",
    "salim",      "salome",     "salvatore",  "samia",      "samir",     "samira",     "samuel",
    "samy",       "sandra",     "sandrine",   "sandro",     "sarah",     "sasha",      "sebastien",
    "segolene",   "serge",      "sergio",     "serguei",    "severin",   "severine",   "sihem",
    "silvia",     "simon",      "simone",     "sofia",      "sofiane",   "solange",    "solene",
    "sonia",      "sophie",     "soraya",     "stanislas",  "stefano",   "stephane",   "stephanie",
    "steve",      "suzanne",    "suzette",    "sven",       "sylvain",   "sylvestre",  "sylvie",
    "tanguy",     "tarek",      "tatiana",    "teddy",      "teresa",    "thaddee",    "theo",
    "theodore",   "theophile",  "therese",    "thibaud",    "thibault",  "thibaut",    "thiebaut",
    "thierry",    "thomas",     "timothee",   "tiphaine",   "tristan",   "ulysse",     "urbain",
    "valentin",   "valentine",  "valere",     "valerie",    "valery",    "vanessa",    "veronique",
    "victoire",   "victor",     "victoria",   "vincent",    "vincenzo",  "violette",   "virgile",
    "virginie",   "viviane",    "vivien",     "vladimir",   "walid",     "walter",     "wilfrid",
    "wilfried",   "william",    "xavier",     "yacine",     "yamina",    "yanis",      "yann",
    "yannick",    "yasmine",    "yassine",    "yoann",      "yohann",    "yolande",    "youssef",
    "yves",       "yvette",     "yvon",       "yvonne",     "zinedine",  "zoe",        "zohra",
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
