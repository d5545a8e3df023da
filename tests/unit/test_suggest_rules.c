/* The suggester's rules of December 2026 (SPEC §15, issue 14): what each one
 * proposes or leaves out. Every text here is invented for the test. */
#include "suggest_test_util.h"

/* A person's name ending its line is not cut by the next line's first word
 * ("Réunion", a heading), and "Reportage X" ending its line is a credit. */
static void lines_and_reports(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Intervention de Jeanne Morvillet\n\nRéunion du 3 mai 2011 à 10h\n\n"
             "Le maire a parlé longtemps. Reportage Odile Dumas\n\nLa suite du texte vient.\n");
    has(l, "Jeanne Morvillet", "person");
    hasnt(l, "Odile Dumas");
    sg_suggestion_list_free(l);
}

/* After a title of nobility the particle and the name belong to the person,
 * even when the name is one the gazetteers know (a body he founded). */
static void names_of_nobles(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\taliases\n"
                      "org:h\tHôpital Corvalès\torganisation\tCorvalès\n";
    const char *texts[] = {"Le comte Léon Baptistin de Corvalès a fondé l'hôpital en 1890.\n",
                           NULL};
    sg_suggestion_list *l = run(gaz, texts);
    has(l, "Léon Baptistin de Corvalès", "person");
    assert_string_equal(row(l, "Léon Baptistin de Corvalès")->surname, "de Corvalès");
    hasnt(l, "Léon Baptistin");
    sg_suggestion_list_free(l);
}

/* Road numbers name roads; a body's acronym with a number stays a name. */
static void roads(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1("Le chantier longe l'A570, la RN 85 et la D559 vers le nord. "
                                 "Il a été financé par l'UPE 13 en entier.\n");
    hasnt(l, "A570");
    hasnt(l, "RN 85");
    hasnt(l, "D559");
    has(l, "UPE 13", "organisation");
    sg_suggestion_list_free(l);
}

/* A department's part by its position is an area, not an actor; the
 * departments named so are places. */
static void parts_of_departments(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1("Les médecins manquent dans le Haut-Var. Le Haut-Var attend. "
                                 "Les élus des Hautes-Alpes ont répondu.\n");
    hasnt(l, "Haut-Var");
    has(l, "Hautes-Alpes", "place");
    sg_suggestion_list_free(l);
}

/* A capitalised head with an adjective in -éen is a name ("Hôpital
 * européen"); a name after "le périmètre d’" is a site. */
static void adjectives_and_sites(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1("Le nouvel Institut méditerranéen a ouvert à Lyon. Depuis, "
                                 "l'Institut méditerranéen recrute. Il est construit sur le "
                                 "périmètre d'Europrojet, près du port.\n");
    has(l, "Institut méditerranéen", "organisation");
    hasnt(l, "Europrojet");
    sg_suggestion_list_free(l);
}

/* A name in a list of organisations the gazetteers know is one, from one
 * mention, and so is the second of two after one ("avec Archibel et
 * MedVortex"); not in a list of people. */
static void organisations_in_lists(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\n"
                      "org:a\tArchibel\torganisation\n"
                      "org:c\tCimoran\torganisation\n"
                      "person:v\tVirginie Tallard\tperson\n"
                      "person:m\tMarc Ospel\tperson\n";
    const char *texts[] = {"Le CHU a plusieurs sites anciens (Archibel, Cimoran, Pastelle), et "
                           "d'autres. Les invités (Virginie Tallard, Marc Ospel, Fontvert) sont "
                           "venus. Il signe avec Archibel et MedVortex, son bras de recherche. "
                           "Il voit Marc Ospel et Delmontis.\n",
                           NULL};
    sg_suggest_options opt;
    sg_suggest_options_init(&opt); /* two mentions for a plain sequence */
    sg_suggestion_list *l = run_opt(gaz, texts, &opt);
    has(l, "Pastelle", "organisation");
    hasnt(l, "Fontvert");
    /* the last of two after an organisation the gazetteers know, "et" between
       (not after a person) */
    has(l, "MedVortex", "organisation");
    hasnt(l, "Delmontis");
    sg_suggestion_list_free(l);
}

/* An item of a list whose next items start with an article ("…, la
 * SATT…, l'incubateur…") counts the known names after the article; a
 * one-word organisation the gazetteers know, then a capitalised word that
 * names nothing alone, is a body named after it ("Archibel Transfert"), not
 * when the word is a place, a role or a head, nor after a person. */
static void lists_with_articles_and_named_after(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\n"
                      "org:a\tArchibel\torganisation\n"
                      "org:c\tCimoran\torganisation\n"
                      "place:b\tBrévanne\tplace\n"
                      "person:m\tMarc Ospel\tperson\n";
    const char *texts[] = {"Le projet réunit mais également Valdorix, la Cimoran, l'Archibel et "
                           "d'autres. Il signe avec Archibel Transfert depuis mai. Le Cimoran "
                           "Marseille ouvre, le Cimoran Directeur parle, Marc Ospel Conseil "
                           "aussi.\n",
                           NULL};
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    sg_suggestion_list *l = run_opt(gaz, texts, &opt);
    has(l, "Valdorix", "organisation");
    has(l, "Archibel Transfert", "organisation");
    hasnt(l, "Cimoran Marseille");
    hasnt(l, "Cimoran Directeur");
    hasnt(l, "Ospel Conseil");
    hasnt(l, "Conseil");
    sg_suggestion_list_free(l);
}

/* A minister's portfolios are no bodies, capitalised or not, and the list
 * of them goes on ("Ministre du Travail, de la Santé et des Solidarités",
 * "chargée de la Citoyenneté et de la Ville"); the name of a body after a
 * deputy's title is one ("président délégué du Syvalor"). */
static void ministers_portfolios(void **state)
{
    (void)state;
    const char *texts[] = {"Corinne Vallandier, Ministre du Travail, de la Santé et des "
                           "Solidarités, et Sabrine Agrestal, Secrétaire d'État chargée de la "
                           "Citoyenneté et de la Ville, visitent le site. Paul Mascarin, "
                           "président délégué du Syvalor, les reçoit.\n",
                           NULL};
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    hasnt(l, "Travail");
    hasnt(l, "Solidarités");
    hasnt(l, "Citoyenneté");
    hasnt(l, "Ville");
    has(l, "Syvalor", "organisation");
    has(l, "Corinne Vallandier", "person");
    sg_suggestion_list_free(l);
}

/* An acronym then a place the gazetteers know names a body; not a kind's
 * acronym (CHU). */
static void acronyms_and_towns(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\n"
                      "place:b\tBrévanne\tplace\n";
    const char *texts[] = {"Le match opposant l'OGC Brévanne au club voisin a eu lieu. Le CHU "
                           "Brévanne a soigné les blessés.\n",
                           NULL};
    sg_suggestion_list *l = run(gaz, texts);
    has(l, "OGC Brévanne", "organisation");
    hasnt(l, "OGC");
    hasnt(l, "CHU Brévanne");
    sg_suggestion_list_free(l);
}

/* A capitalised head, its adjectives (a participle in -é, -ée too), then a
 * name: one name; not over a party's acronym, nor over a verb in -e. */
static void heads_adjectives_and_names(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Il soigne à l'Hôpital privé Valmorel depuis mai. Elle enseigne à l'Université "
             "unifiée Brenne-Lassac. Il a rejoint la Clinique mutualiste Orvenne en juin. Le "
             "président du Conseil régional LR Paul Vermande a parlé. L'Institut recrute "
             "Tessandre.\n");
    has(l, "Hôpital privé Valmorel", "organisation");
    has(l, "Université unifiée Brenne-Lassac", "organisation");
    has(l, "Clinique mutualiste Orvenne", "organisation");
    hasnt(l, "Conseil régional LR");
    hasnt(l, "Institut recrute Tessandre");
    sg_suggestion_list_free(l);
}

/* A person the gazetteers know after a lower-case head of a body that bears
 * names, with its adjectives or its complement: the body named after her;
 * not after a role, nor where the head is the body of a role ("le directeur
 * de l’hôpital Gaston Fabre": the director). */
static void bodies_named_after_people(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\n"
                      "person:l\tLucie Armand\tperson\n"
                      "person:g\tGaston Fabre\tperson\n";
    const char *texts[] = {"Les travaux de la maison de retraite publique et médicalisée Lucie "
                           "Armand ont commencé. Le conseiller Gaston Fabre a parlé.\n",
                           "« Tout avance », dit le directeur de l’hôpital Gaston Fabre, hier.\n",
                           NULL};
    sg_suggestion_list *l = run(gaz, texts);
    has(l, "Maison de retraite publique et médicalisée Lucie Armand", "organisation");
    hasnt(l, "Conseiller Gaston Fabre");
    hasnt(l, "Hôpital Gaston Fabre");
    sg_suggestion_list_free(l);
}

/* A local authority's kind with an adjective is not the authority alone. */
static void kinds_with_adjectives(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1("Les généralistes exercent sur le secteur de la Métropole "
                                 "toulonnaise depuis des années.\n");
    hasnt(l, "Métropole");
    sg_suggestion_list_free(l);
    l = run1("Les élus de la Métropole ont voté le budget hier.\n");
    has(l, "Métropole", "organisation");
    sg_suggestion_list_free(l);
}

/* A sports club named by "Stade" and a demonym, from one mention; a
 * stadium is not. */
static void sports_clubs(void **state)
{
    (void)state;
    const char *texts[] = {"Le match opposait l'équipe locale au Stade Brestois, samedi. Il a eu "
                           "lieu au Stade Vélodrome.\n",
                           NULL};
    sg_suggest_options opt;
    sg_suggest_options_init(&opt); /* two mentions for a plain sequence */
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    has(l, "Stade Brestois", "organisation");
    hasnt(l, "Stade Vélodrome");
    sg_suggestion_list_free(l);
}

/* A word capitalised twice mid-sentence but mostly written in lower case is a
 * common word, though extract, which reads a name of one word capitalised
 * only, would count just the two; a one-word name never in lower case is
 * proposed with the count extract would give it. */
static void one_word_common_or_name(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Le ministre de l’Accès aux soins parle. Puis le ministre de l’Accès répond. "
             "L’accès est libre. On parle de l’accès aux droits. Et encore l’accès aux soins. "
             "Aussi l’accès ici. Puis l’accès là.\n\nNous avons vu Zorbec hier. Ensuite Zorbec "
             "est parti.\n");
    hasnt(l, "Accès");
    const sg_suggestion *r = row(l, "Zorbec");
    assert_non_null(r);
    assert_int_equal(r->count, 2);
    sg_suggestion_list_free(l);
}

/* A role's word capitalised right after a first name is a surname ("Jérôme
 * Doyen" is a person, not a body); the person after "le directeur de
 * l'hôpital" is the director, not a hospital named after him; "Cancer"
 * capitalised in a long name names nothing alone. */
static void surnames_roles_and_bodies(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1(
        "Intervenants : Dr. Jérôme Doyen, oncologue.\n\nLe directeur de l’hôpital Bastien "
        "Ripert-Teilhard était présent. La directrice de la clinique Marie Durand parle.\n\n"
        "Le Centre de Lutte Contre le Cancer de Nice et le Centre de Lutte Contre le Cancer de "
        "Lyon.\n");
    has(l, "Jérôme Doyen", "person");
    has(l, "Bastien Ripert-Teilhard", "person");
    has(l, "Marie Durand", "person");
    hasnt(l, "Hôpital Bastien Ripert-Teilhard");
    hasnt(l, "Clinique Marie Durand");
    hasnt(l, "Cancer");
    sg_suggestion_list_free(l);
}

/* Money is no body, however it is defined: "Fonds d'intervention régional
 * (FIR)", "Allocation personnalisée d'autonomie (APA)" are no definitions
 * (so the default run, which takes definitions, does not add them); a body
 * defined so is one. */
static void money_is_no_body(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Le Fonds d’intervention régional (FIR) finance le projet. L’Allocation "
             "personnalisée d’autonomie (APA) augmente. L’Observatoire régional des urgences "
             "(ORU) publie son rapport.\n");
    for (size_t i = 0; i < sg_suggestion_list_count(l); i++) {
        const sg_suggestion *r = sg_suggestion_list_get(l, i);
        if (!strcmp(r->kind, "definition") && strcmp(r->aliases, "ORU"))
            fail_msg("a definition: %s (%s)", r->label, r->aliases);
    }
    const sg_suggestion *r = row(l, "Observatoire régional des urgences");
    assert_non_null(r);
    assert_string_equal(r->kind, "definition");
    sg_suggestion_list_free(l);
}

/* A list or an association named after the town it stands for, the town
 * known ("Nice au Cœur", "Marseille en Grand"), is proposed whole, not its
 * last word; not the town as a place ("à Toulon au Printemps"), nor a call
 * for projects ("l'Appel à projets"). */
static void names_starting_with_a_town(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\n"
                      "place:nice\tNice\tplace\n"
                      "place:marseille\tMarseille\tplace\n"
                      "place:toulon\tToulon\tplace\n";
    const char *texts[] = {"Le président de Nice au Cœur réagit. Nice au Coeur avait fait de la "
                           "pénurie une priorité. La liste Marseille en Grand se présente. Il "
                           "chante à Toulon au Printemps. L'Appel à projets de la Région sort.\n",
                           NULL};
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    sg_suggestion_list *l = run_opt(gaz, texts, &opt);
    has(l, "Nice au Cœur", "organisation");
    has(l, "Marseille en Grand", "organisation");
    hasnt(l, "Cœur");
    hasnt(l, "Coeur");
    hasnt(l, "Grand");
    hasnt(l, "Toulon au Printemps");
    hasnt(l, "Printemps");
    hasnt(l, "Appel");
    sg_suggestion_list_free(l);
}

/* A region the gazetteers know as a place, after a body's bracketed acronym
 * that ends the body's mention ("l'agence régionale de santé (ARS) Paca"),
 * is no new place, nor is its definition ("Provence-Alpes-Côte d'Azur
 * (Paca)"): the gazetteers name it so already. */
static void places_known_by_another_name(void **state)
{
    (void)state;
    const char *gaz =
        "id\tlabel\ttype\taliases\n"
        "org:ars\tAgence régionale de santé Provence-Alpes-Côte d'Azur\torganisation\t"
        "ARS\n"
        "place:paca\tProvence-Alpes-Côte d'Azur\tplace\tPaca|PACA\n";
    const char *texts[] = {"L’agence régionale de santé (ARS) Paca ouvre. L’Agence régionale de "
                           "santé (ARS) Provence-Alpes-Côte d’Azur signe. L’Agence régionale de "
                           "santé (ARS) Provence-Alpes-Côte d’Azur (Paca) suit.\n",
                           NULL};
    sg_suggestion_list *l = run(gaz, texts);
    hasnt(l, "Paca");
    hasnt(l, "Provence-Alpes-Côte d’Azur");
    sg_suggestion_list_free(l);
}

/* A surname with its particle alone after a capitalised title is a person
 * ("Monsieur d'Arcourt", "Mme de Vallombreuse"), not a body "Arcourt"; as
 * after a title in lower case ("le général de Gaulle"). */
static void particles_after_titles(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1("Nous avons été reçues par Monsieur d'Arcourt, directeur de "
                                 "l'agence. Mme de Vallombreuse a répondu.\n");
    has(l, "d'Arcourt", "person");
    has(l, "de Vallombreuse", "person");
    hasnt(l, "Arcourt");
    hasnt(l, "Vallombreuse");
    sg_suggestion_list_free(l);
}

/* A union written against the body or the place it stands for, or after its
 * local structure, is its local branch, one name ("CGT AP-HM", "FO-Santé
 * 04", "UD FO", "CGT Marseille"); not two unions together ("Sud
 * Solidaires"), nor a union before "de" ("le syndicat CGT de l'hôpital"). */
static void unions_local_branches(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\taliases\n"
                      "org:cgt\tConfédération générale du travail\torganisation\tCGT\n"
                      "org:fo\tForce ouvrière\torganisation\tFO\n"
                      "org:sud\tSUD Santé Sociaux\torganisation\tSud\n"
                      "org:solidaires\tUnion syndicale Solidaires\torganisation\tSolidaires\n"
                      "org:ap-hm\tAssistance publique - Hôpitaux de Marseille\torganisation\t"
                      "AP-HM\n"
                      "org:hsm\tHôpital Sainte-Musse\torganisation\n"
                      "place:marseille\tMarseille\tplace\n";
    const char *texts[] = {"Joëlle Vantour, CGT AP-HM, dénonce la situation. Un délégué de "
                           "FO-Santé 04 parle. « Nous ferons grève », dit un élu de l’UD FO. La "
                           "CGT Marseille appelle à manifester. La CGT et Sud Solidaires "
                           "défilent. Le syndicat CGT de l’hôpital Sainte-Musse suit.\n",
                           NULL};
    sg_suggestion_list *l = run(gaz, texts);
    has(l, "CGT AP-HM", "organisation");
    has(l, "FO-Santé 04", "organisation");
    has(l, "UD FO", "organisation");
    has(l, "CGT Marseille", "organisation");
    hasnt(l, "Sud Solidaires");
    hasnt(l, "CGT de l’hôpital Sainte-Musse");
    sg_suggestion_list_free(l);
}

/* A body the gazetteers know, then a department's number, is its
 * departmental branch, one name ("le Planning familial 06"); not a
 * telephone number's first part, nor an address's, nor a sum's. */
static void departmental_branches(void **state)
{
    (void)state;
    const char *gaz = "id\tlabel\ttype\taliases\n"
                      "org:pf\tPlanning familial\torganisation\t\n"
                      "org:region\tConseil régional\torganisation\t\n"
                      "org:ville\tVille d'Arvel\torganisation\t\n";
    const char *texts[] = {"Le Planning familial 06 dépiste. Appelez le Planning familial 04 92 "
                           "31 22 00 ou le Planning familial 05.12.34.56.78. Écrire au Conseil "
                           "régional 27, rue Jules-Guesde. La Ville d'Arvel 25 millions d'euros.\n",
                           NULL};
    sg_suggestion_list *l = run(gaz, texts);
    has(l, "Planning familial 06", "organisation");
    hasnt(l, "Planning familial 04");
    hasnt(l, "Planning familial 05");
    hasnt(l, "Conseil régional 27");
    hasnt(l, "Ville d'Arvel 25");
    sg_suggestion_list_free(l);
}

/* A person named with another, right after "et", among people: two
 * capitalised words, a person though the first name is none of the list's;
 * not a place nor a body (their rows keep their type), nor three words. */
static void people_named_together(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("L'unité fondée par les docteurs Jacques Varenne et Kateryne Solvik a trente ans. "
             "Je serai avec Pascale Ormand et Nesrine Tadlaoui demain. Marie Lestrade et Alpes "
             "Maritimes, puis Paul Ferrant et Clinique Borelli, puis Anne Ravel et Ilya Petrov "
             "Junior.\n");
    has(l, "Kateryne Solvik", "person");
    has(l, "Nesrine Tadlaoui", "person");
    has(l, "Alpes Maritimes", "place"); /* (not a person) */
    has(l, "Clinique Borelli", "organisation");
    hasnt(l, "Ilya Petrov");
    sg_suggestion_list_free(l);
    /* (after a verb or "de", two capitalised words are a band or a body as
       often: only among people, after "avec", "entre", a plural title) */
    l = run1("Le concert réunit Julie Morel et Nova Lumen. La soirée de Julie Morel et Radio "
             "Star plaît.\n");
    const sg_suggestion *r = row(l, "Nova Lumen");
    assert_true(!r || strcmp(r->type, "person"));
    r = row(l, "Radio Star");
    assert_true(!r || strcmp(r->type, "person"));
    sg_suggestion_list_free(l);
}

/* An apostrophe inside a word, after two letters or more, is no elision:
 * the word goes on ("In'Vela", "InnovʼinSud" with a modifier apostrophe);
 * "l'Agence", "lorsqu'il" stay elisions. */
static void apostrophes_inside_words(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1("Le salon InnovʼinSud est organisé. Puis InnovʼinSud revient. "
                                 "La start-up In'Vela lève des fonds, lorsqu'il le faut. "
                                 "L'Agence Orvale aide In'Vela et l'Agence Orvale.\n");
    has(l, "InnovʼinSud", "organisation");
    hasnt(l, "Innov");
    has(l, "In'Vela", "organisation");
    hasnt(l, "Vela");
    has(l, "Agence Orvale", "organisation");
    sg_suggestion_list_free(l);
}

/* Words that name no actor alone or together: a service's or a venue's
 * ("le Très Haut Débit", "la Télésanté", "l'Espace Culturel"), a medium, a
 * feast. */
static void services_venues_and_feasts(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Le Très Haut Débit arrive, avec le THD et la Télésanté. L'Espace Culturel "
             "accueille la collecte. Le Très Haut Débit et la Télésanté encore, puis un DVD "
             "pour Halloween. L'Espace Culturel ferme, le DVD et Halloween aussi.\n");
    hasnt(l, "Haut Débit");
    hasnt(l, "Très Haut Débit");
    hasnt(l, "THD");
    hasnt(l, "Télésanté");
    hasnt(l, "Espace Culturel");
    hasnt(l, "DVD");
    hasnt(l, "Halloween");
    sg_suggestion_list_free(l);
}

/* A name of two capitalised words joined by "&", spaced or not, is one
 * ("Orvane & Lisière", "Orvane&Lisière"; not "R&D"), and a plus glued to a
 * name's end is the name's ("Collectif Tisserands+"). */
static void ampersands_and_pluses(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("L'ONG Orvane&Lisière a mesuré les rejets. Selon Orvane & Lisière, la R&D "
             "recule. Le Collectif Tisserands+ signe, et le Collectif Tisserands+ manifeste. "
             "La R&D encore.\n");
    has(l, "Orvane & Lisière", "organisation");
    hasnt(l, "Lisière");
    has(l, "Collectif Tisserands+", "organisation");
    hasnt(l, "Collectif Tisserands");
    hasnt(l, "R&D");
    sg_suggestion_list_free(l);
}

/* Kinds of bodies are no bodies: a shelter's kind spelt out with its
 * acronym, an army's hospital by its kind's acronym alone. */
static void kinds_of_shelters_and_army_hospitals(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Ce Centre d’hébergement et de réinsertion sociale (CHRS) de stabilisation "
             "accueille. Le CHRS aussi. Les HIA recrutent. Le HIA de Brest et les HIA.\n");
    hasnt(l, "Centre d’hébergement et de réinsertion sociale");
    hasnt(l, "CHRS");
    hasnt(l, "HIA");
    sg_suggestion_list_free(l);
}

/* A list of people by civility, each surname in capitals and a role after it
 * ("Madame Coralie VERNAT Gestionnaire de cas"): the surname in capitals ends
 * the name, after a title or a role before it, and no body of the three
 * words either (min_count 1: what a sequence seen once would give). After a
 * kind's acronym, two capitalised words are a body's name but for a first
 * name ("du FAM Oliviers Bleus"); after another acronym, a person ("de la FHF
 * Kateryne Paoli"). */
static void surnames_in_capitals_and_acronyms(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Étaient présents : - Madame Lise TORRAN Présidente de l’association - Madame "
             "Coralie VERNAT Gestionnaire de cas complexes - Madame Inès FOLCO Présidente du "
             "Conseil de vie sociale du FAM Oliviers Bleus. Le président de la FHF Jean Vidalin "
             "a parlé. Hier, la présidente de la FHF Kateryne Paoli a parlé aux élus.\n");
    has(l, "Coralie Vernat", "person");
    hasnt(l, "Coralie Vernat Gestionnaire");
    hasnt(l, "Coralie VERNAT Gestionnaire");
    hasnt(l, "Vernat Gestionnaire");
    hasnt(l, "Oliviers Bleus");
    has(l, "Jean Vidalin", "person");
    has(l, "Kateryne Paoli", "person");
    hasnt(l, "FHF Kateryne Paoli");
    sg_suggestion_list_free(l);
}

/* Medical words and services in capitals name no body: a school aide (AVS),
 * a vaccine (ROR), a virus (VRS), a spa's, a procedure's long form. */
static void medical_words(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("Le manque d’AVS pèse. Deux doses de ROR protègent. Le VRS circule. Le Spa ouvre. "
             "L’Interruption volontaire de grossesse (IVG) reste difficile d’accès.\n");
    hasnt(l, "AVS");
    hasnt(l, "ROR");
    hasnt(l, "VRS");
    hasnt(l, "Spa");
    hasnt(l, "Interruption");
    sg_suggestion_list_free(l);
}

/* A definition in the plural after a plural determiner spells a kind out,
 * its generic words capitalised or not ("les Agences régionales de Santé
 * (ARS)"); a name of several with a place stays ("les Hospices civils de Lyon
 * (HCL)"). */
static void plural_definitions(void **state)
{
    (void)state;
    sg_suggestion_list *l =
        run1("La réforme est mise en œuvre par les Agences régionales de Santé (ARS) depuis "
             "2010. Les Hospices civils de Lyon (HCL) recrutent.\n");
    hasnt(l, "Agences régionales de Santé");
    hasnt(l, "ARS");
    has(l, "Hospices civils de Lyon", "organisation");
    sg_suggestion_list_free(l);
}

/* A sheltered workshop's kind, ESAT, in any case: a head before its name
 * ("l'Esat Les Palmiers", as "l'Ehpad Les Pins"), alone no body. */
static void sheltered_workshops(void **state)
{
    (void)state;
    sg_suggestion_list *l = run1("Depuis sept ans, l’Esat Les Palmiers accueille 163 usagers. "
                                 "L’Esat vend ses légumes. L’ESAT du Tubé recrute.\n");
    has(l, "Esat Les Palmiers", "organisation");
    has(l, "ESAT du Tubé", "organisation");
    hasnt(l, "Esat");
    sg_suggestion_list_free(l);
}

/* No person in a street named after two people ("avenue Jean et Marcel
 * Fontenaille") nor in a unit's name after a role ("Chef du Pôle Cardio
 * Vasculaire Thoracique"); the people named together stay. */
static void streets_and_units(void **state)
{
    (void)state;
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    const char *texts[] = {"Le site est au 10, avenue Jean et Marcel Fontenaille. Emile Ferrari "
                           "(Chef du Pôle Cardio Vasculaire Thoracique) a parlé. Les docteurs "
                           "Jean Martin et Kateryne Paoli sont venus.\n",
                           NULL};
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    hasnt(l, "Marcel Fontenaille");
    hasnt(l, "Vasculaire Thoracique");
    has(l, "Emile Ferrari", "person");
    has(l, "Kateryne Paoli", "person");
    sg_suggestion_list_free(l);
}

/* A police station and a hospital's mobile emergency unit by their seat
 * ("le commissariat d'Hyères", "le Smur de La Ciotat"), not the town alone;
 * no person of a first name and a caption's participle glued to it ("Lucas
 * Interviewée par France 3"), but a surname in -ée ("Sophie Vallée"). */
static void police_stations_and_captions(void **state)
{
    (void)state;
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    const char *texts[] = {"Les investigations, confiées au commissariat d’Hyères, avancent. "
                           "Les équipes du Smur de La Ciotat sont en action.\n\n"
                           "Corinne Godefroy, mère de Lucas Interviewée par France 3 le 18 "
                           "décembre, a parlé. Mme Sophie Vallée, adjointe au maire, a "
                           "répondu.\n",
                           NULL};
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    has(l, "Commissariat d’Hyères", "organisation");
    has(l, "Smur de La Ciotat", "organisation");
    has(l, "Corinne Godefroy", "person");
    has(l, "Sophie Vallée", "person"); /* (a surname in -ée, no participle) */
    hasnt(l, "Hyères");
    hasnt(l, "Lucas Interviewée");
    sg_suggestion_list_free(l);
}

/* A service's long form in title case before its acronym ("la Permanence
 * d’Accès aux Soins de Santé (PASS)", a service of every hospital) is no
 * sequence of capitalised words either; a town hall is named by its seat, not
 * by what it is for ("la Mairie pour les téléalarmes"), where a collective
 * is ("le Collectif pour le soin"); a kind's acronym defined by another long
 * form names a body, without the acronym for an alias ("la Mutuelle des
 * services publics (MSP)": "MSP" would name it in every document); a kind
 * after an indefinite article capitalised where a title starts ("Un Ehpad
 * des Alpes-Maritimes"), a kind's acronym alone ("le CCAS") and a kind
 * spelt out in the plural ("les Ehpad (Etablissements d'hébergement pour
 * personnes âgées dépendantes)") are no rows. */
static void services_town_halls_and_kind_acronyms(void **state)
{
    (void)state;
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    const char *texts[] = {"Le projet avance.\n\n"
                           "La Permanence d’Accès aux Soins de Santé (PASS) de la ville ouvre. "
                           "Les bénévoles viennent avec la Mairie pour les téléalarmes. Le "
                           "Collectif pour le soin manifeste. Depuis 2017, la Mutuelle des "
                           "services publics (MSP) aide les familles.\n\n"
                           "Un Ehpad des Alpes-Maritimes ferme. Le CCAS aide. Le directeur du "
                           "CCAS parle. Le personnel des Ehpad (Etablissements d’hébergement "
                           "pour personnes âgées dépendantes) manifeste.\n",
                           NULL};
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    hasnt(l, "Permanence d’Accès");
    hasnt(l, "Soins de Santé");
    hasnt(l, "Mairie pour les téléalarmes");
    has(l, "Collectif pour le soin", "organisation");
    has(l, "Mutuelle des services publics", "organisation");
    assert_string_equal(row(l, "Mutuelle des services publics")->aliases, "");
    hasnt(l, "Ehpad des Alpes-Maritimes"); /* (an indefinite article where a title starts) */
    hasnt(l, "CCAS");                      /* (a kind's acronym alone) */
    hasnt(l, "Etablissements d’hébergement pour personnes âgées dépendantes"); /* (the kind) */
    sg_suggestion_list_free(l);
}

/* No rows for a candidate's label of no party ("la présidente (DVD) du
 * Département", "Benoît Payan (DVG)"; "(LR)" is a party), a kind of unit
 * spelt out ("la halte soins addictions (HSA)"), a trade ("le BTP"), a benefit
 * ("L'Allocation personnalisée d'autonomie") or a common noun's phrase
 * defined by its letters ("Intelligence Artificielle (IA)", "l'assistance
 * médicale à la procréation (AMP)"), which --discover would make an actor
 * of every later "IA". */
static void labels_trades_and_benefits(void **state)
{
    (void)state;
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    const char *texts[] = {"Le projet avance.\n\n"
                           "Martine Vassal, la présidente (DVD) du Département, signe. Le maire "
                           "(LR) parle. L’Allocation personnalisée d’autonomie augmente.\n\n"
                           "Des retombées fortes pour le BTP car un lit coûte cher. Le BTP "
                           "recrute.\n\n"
                           "La thématique Intelligence Artificielle (IA) et santé. L’IA aide. "
                           "L’assistance médicale à la procréation (AMP) progresse. Le "
                           "certificat BPF (Bonnes pratiques de fabrication) est obtenu.\n\n"
                           "Les élus demandent à Benoît Payan (DVG) de revoir la halte soins "
                           "addictions (HSA). La halte soins addictions (HSA) ouvrira, comme une "
                           "salle de consommation à moindre risque (SCMR).\n\n"
                           "La PACES disparaît. L'AME aussi. La Ville devient Ambassadeur du don "
                           "d'organes (ADO). Le bâtiment fait 19 000 m2 SDO (Surface dans "
                           "l'œuvre).\n",
                           NULL};
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    hasnt(l, "DVD");
    hasnt(l, "DVG");
    hasnt(l, "Halte soins addictions"); /* (a kind of unit, as "centre hospitalier") */
    hasnt(l, "HSA");
    hasnt(l, "Salle de consommation à moindre risque");
    hasnt(l, "PACES"); /* (a course of studies, a benefit) */
    hasnt(l, "AME");
    hasnt(l, "Ambassadeur du don d'organes"); /* (a label; a measure) */
    hasnt(l, "Surface dans l'œuvre");
    hasnt(l, "BTP");
    hasnt(l, "Allocation");
    hasnt(l, "Intelligence Artificielle"); /* (a common noun's phrase and its letters) */
    hasnt(l, "IA");
    hasnt(l, "Assistance médicale à la procréation");
    hasnt(l, "Bonnes pratiques de fabrication");
    has(l, "LR", "organisation");
    has(l, "Martine Vassal", "person");
    sg_suggestion_list_free(l);
}

/* A pharmacy by its name, the head in it ("la pharmacie Carboni"), and a
 * body's head and a capitalised name where a sentence or a list's line
 * starts ("- Pharmacie Ferber, 254 avenue…", "Clinique Monticelli aussi."); people
 * by first names the list has since the thirty-fifth session (Natasha, Sibylle). */
static void pharmacies_and_heads_first(void **state)
{
    (void)state;
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    const char *texts[] = {"Le projet avance.\n\n"
                           "Voici la liste des officines ouvertes :\n"
                           "- Pharmacie Ferber, 254 avenue de la Californie\n"
                           "- Clinique Bouchard, 77 rue du Docteur Escat\n\n"
                           "Les clients vont à la pharmacie Carboni. Clinique Monticelli "
                           "aussi.\n\n"
                           "La présidente, Natasha Frost-Savio, était présente. Sibylle "
                           "Lambert, sa directrice adjointe, détaille.\n",
                           NULL};
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    has(l, "Pharmacie Ferber", "organisation");
    has(l, "Clinique Bouchard", "organisation");
    has(l, "Pharmacie Carboni", "organisation");
    has(l, "Clinique Monticelli", "organisation");
    hasnt(l, "Carboni");
    has(l, "Natasha Frost-Savio", "person"); /* (first names of the list) */
    has(l, "Sibylle Lambert", "person");
    sg_suggestion_list_free(l);
}

/* A medico-social kind's letters alone name no actor ("l'IME accueille",
 * "la MAS"), nor do they with the kind's words in brackets after them; a
 * proper name after that bracket is the body, with the letters ("l'IME
 * (Institut médico-éducatif) Pierre-Merli"). A school's or a gymnasium's
 * eponym is no person ("le groupe scolaire Léo Lagrange"); a hospital's
 * label spelt out ("le Centre Hospitalier de proximité") and a venue ("le
 * Zénith") are no actors. */
static void kinds_letters_before_their_words(void **state)
{
    (void)state;
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    const char *texts[] = {"L'IME accueille quarante enfants. Le directeur de l'IME (Institut "
                           "médico-éducatif) Pierre-Merli d'Antibes répond. La MAS ferme.\n\n"
                           "Le groupe scolaire Léo Lagrange et le gymnase Marcel Cerdan prêtent "
                           "leurs terrains, dit Bruno Laprie.\n\n"
                           "Le Centre Hospitalier de proximité vaccine au Zénith. Le Centre "
                           "Hospitalier de proximité et le Zénith sont prêts.\n",
                           NULL};
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    hasnt(l, "IME");
    hasnt(l, "Institut médico-éducatif");
    hasnt(l, "MAS");
    has(l, "IME Pierre-Merli d'Antibes", "organisation"); /* (no gazetteer: Antibes unknown) */
    hasnt(l, "Léo Lagrange"); /* (a school's and a gymnasium's eponyms) */
    hasnt(l, "Marcel Cerdan");
    has(l, "Bruno Laprie", "person");
    hasnt(l, "Centre Hospitalier de proximité"); /* (a kind; a venue) */
    hasnt(l, "Zénith");
    sg_suggestion_list_free(l);
}

/* A person named with their role in title case after them, as a televised
 * report's credits list who speaks ("Marc Becker Président du Grand Conseil",
 * "Yvette Bompard Patiente du centre"): the person, not a body nor a
 * surname "Patiente". */
static void people_before_their_roles(void **state)
{
    (void)state;
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    const char *texts[] = {"Interviews Marc Becker Président du Grand Conseil de la Mutualité, "
                           "Yvette Bompard Patiente du centre depuis dix ans\n",
                           NULL};
    sg_suggestion_list *l = run_opt(empty_gaz, texts, &opt);
    has(l, "Marc Becker", "person");
    has(l, "Yvette Bompard", "person");
    hasnt(l, "Marc Becker Président");
    hasnt(l, "Bompard Patiente");
    sg_suggestion_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_and_reports),
        cmocka_unit_test(people_named_together),
        cmocka_unit_test(apostrophes_inside_words),
        cmocka_unit_test(services_venues_and_feasts),
        cmocka_unit_test(ampersands_and_pluses),
        cmocka_unit_test(kinds_of_shelters_and_army_hospitals),
        cmocka_unit_test(surnames_in_capitals_and_acronyms),
        cmocka_unit_test(medical_words),
        cmocka_unit_test(plural_definitions),
        cmocka_unit_test(sheltered_workshops),
        cmocka_unit_test(streets_and_units),
        cmocka_unit_test(police_stations_and_captions),
        cmocka_unit_test(services_town_halls_and_kind_acronyms),
        cmocka_unit_test(labels_trades_and_benefits),
        cmocka_unit_test(pharmacies_and_heads_first),
        cmocka_unit_test(kinds_letters_before_their_words),
        cmocka_unit_test(people_before_their_roles),
        cmocka_unit_test(names_of_nobles),
        cmocka_unit_test(roads),
        cmocka_unit_test(parts_of_departments),
        cmocka_unit_test(adjectives_and_sites),
        cmocka_unit_test(organisations_in_lists),
        cmocka_unit_test(lists_with_articles_and_named_after),
        cmocka_unit_test(ministers_portfolios),
        cmocka_unit_test(acronyms_and_towns),
        cmocka_unit_test(heads_adjectives_and_names),
        cmocka_unit_test(bodies_named_after_people),
        cmocka_unit_test(kinds_with_adjectives),
        cmocka_unit_test(sports_clubs),
        cmocka_unit_test(one_word_common_or_name),
        cmocka_unit_test(surnames_roles_and_bodies),
        cmocka_unit_test(money_is_no_body),
        cmocka_unit_test(names_starting_with_a_town),
        cmocka_unit_test(places_known_by_another_name),
        cmocka_unit_test(particles_after_titles),
        cmocka_unit_test(unions_local_branches),
        cmocka_unit_test(departmental_branches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
