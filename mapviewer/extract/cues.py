"""The cue lexicon: words that state a relation between actors, in the spirit of CAMEO.

Each cue is a lemma with the relation type it signals (a key of
:data:`mapviewer.model.RELATION_TYPES`) and how it links the actors around it:

``dir``
    directed: the subject acts on the object ("Turkey *threatened* Armenia");
``sym``
    symmetric: "X and Y *signed*", "X *clashed* with Y", "X–Y *relations*";
``buy``
    directed from the object to the subject ("X *bought* drones from Y": Y supplies X);
``med``
    mediation: the subject brokers between the others.

Inflections ("threatened", "allies", "brokering", "supplied") are reduced to the lemma
by suffix rules in :func:`lemma_candidates`; no tagger or word list is needed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "ARMS_WORDS",
    "AUX",
    "CUES",
    "DETERIORATION",
    "ENERGY_WORDS",
    "FORCES_WORDS",
    "HEDGES",
    "IRREGULAR_PAST",
    "MONEY",
    "NEGATORS",
    "PARTICLES",
    "REVERSERS",
    "TALKS_WORDS",
    "Cue",
    "lemma_candidates",
    "lookup",
    "verbish",
]


class Cue(NamedTuple):
    type: str
    link: str  # "dir", "sym", "buy", "med"
    noun: bool  # a noun or adjective ("ally", "hostile"): the actors are around it, not subject/object
    weight: float  # how surely it states a relation, before hedging


def _cues() -> dict[str, Cue]:
    table: dict[str, Cue] = {}

    def add(words: str, type_: str, link: str, noun: bool = False, weight: float = 0.8) -> None:
        for w in words.split():
            table[w] = Cue(type_, link, noun, weight)

    # material conflict
    add("attack invade bomb shell strike hammer defeat capture seize intercept annex raid besiege blockade "
        "occupy shoot kill target assault bombard ambush overrun retake recapture", "war", "dir")
    add("fire", "war", "dir", weight=0.6)
    add("pound pummel batter", "war", "dir", weight=0.7)
    add("encircle", "hostility", "dir", weight=0.7)  # "warships encircled Taiwan": a show of force
    add("choke strangle throttle", "hostility", "dir", weight=0.6)  # "has choked fuel convoys heading to Bamako"
    add("squeeze", "sanctions", "dir", True, 0.6)  # "Washington's squeeze on Russian energy revenue"
    add("snapback", "sanctions", "dir", True, 0.7)  # "pulled the trigger on snapback against Tehran"
    add("spar", "hostility", "sym", weight=0.6)  # "has sparred with Buenos Aires"
    add("hunt", "war", "dir", weight=0.7)  # "to hunt down the Allied Democratic Forces"
    add("wrest", "war", "dir", weight=0.7)  # "has wrested 14 of 17 townships from the military"
    add("push", "war", "dir", weight=0.6)  # "to help Russia push Ukrainian forces out of Kursk" (with "out")
    add("rout", "war", "dir", weight=0.7)  # "Burundian units were routed by M23 fighters"
    # "has massed warships off the Venezuelan coast" (only "massed", "massing", with forces named).
    add("mass", "threat", "dir", weight=0.6)
    # Incursions: "violated Estonian airspace", "drones strayed into Polish airspace" (with the
    # territory named; see PARTICLES).
    add("violate breach", "hostility", "dir", weight=0.7)
    add("stray cross intrude", "hostility", "dir", weight=0.6)
    add("abduct kidnap", "hostility", "dir", weight=0.6)  # "citizens abducted by North Korean agents"
    # "Sudan's army and the RSF turned their guns on each other" (with "guns" or "weapons").
    add("turn", "war", "dir", weight=0.7)
    add("fight clash battle", "war", "sym")
    add("war invasion offensive airstrike bombardment occupation hostilities conflict fighting "
        "warring clashes", "war", "sym", True, 0.6)
    add("sanction embargo boycott suspend freeze sever expel", "sanctions", "dir")
    add("sanctions embargo", "sanctions", "dir", True, 0.7)
    # "imposed punitive measures on X", "tariffs on X", "penalised X".
    add("punitive penalties tariff", "sanctions", "dir", True, 0.7)
    add("penalize penalise", "sanctions", "dir", weight=0.7)
    # verbal conflict
    add("threaten menace liberate", "threat", "dir")
    add("threat", "threat", "dir", True, 0.7)
    add("danger", "threat", "dir", True, 0.6)
    add("accuse blame condemn denounce criticize criticise oppose isolate antagonize anger provoke "
        "insult warn protest rebuke reprimand chastise censure castigate scold", "hostility", "dir")
    # Obstruction: "Moscow blocked Kosovo's membership", "vetoed X's bid".
    add("block veto obstruct", "hostility", "dir", weight=0.7)
    # Coercion short of force (CAMEO 17): "pressure on Taiwan" reads like the verb, object after it.
    add("pressure coerce intimidate bully", "hostility", "dir", weight=0.7)
    # Denial and restriction: "barred Iranian flights", "banned Russian ships", "denied entry to",
    # "closed its airspace to" ("deny" and "close" only with the words of PARTICLES after them).
    add("bar ban deny close shut", "hostility", "dir", weight=0.7)
    add("hostile hostility tension tensions enmity animosity dispute feud quarrel rift spat", "hostility", "sym", True, 0.7)
    # "complaints about Indian operations", "grievances against Rwanda".
    add("complaint grievance opposition", "hostility", "dir", True, 0.6)
    # "the alliance had abandoned it", "Moscow betrayed Yerevan".
    add("abandon betray", "hostility", "dir", weight=0.7)
    # "Somalia, which regards Somaliland as part of its territory": only with "part of" after it.
    add("regard consider", "territorial dispute", "dir", weight=0.7)
    add("enemy adversary foe", "hostility", "sym", True, 0.7)
    add("rival rivalry compete competitor", "rivalry", "sym", True, 0.7)
    add("contest", "rivalry", "sym", True, 0.6)  # "locked in a contest with Beijing"
    add("race", "rivalry", "sym", True, 0.6)  # "Washington's race with Beijing for minerals" (with "with" only)
    add("claim", "territorial dispute", "dir")
    add("disputed contested", "territorial dispute", "sym", True, 0.7)
    # verbal cooperation
    add("ally allied alliance coalition", "alliance", "sym", True, 0.8)
    add("friend friends friendship", "alliance", "sym", True, 0.6)
    # "cosies up to Moscow".
    add("cosy cozy", "cooperation", "dir", weight=0.6)
    # "kicked Kosovo out of the exercise".
    add("kick", "hostility", "dir", weight=0.6)
    add("partner partnership", "alliance", "sym", True, 0.7)
    add("join", "alliance", "sym", weight=0.7)
    # "formed the Alliance of Sahel States", "founded the SCO": only with a bloc as object.
    add("form found create establish", "alliance", "dir", weight=0.6)
    add("relations ties relationship", "diplomatic ties", "sym", True, 0.6)
    add("talks negotiations", "diplomatic ties", "sym", True, 0.5)
    add("visit", "diplomatic ties", "dir", weight=0.5)
    add("recognize recognise normalize normalise", "diplomatic ties", "dir")
    add("cooperate collaborate agree sign", "cooperation", "sym")
    # "Russia and China jointly tabled a resolution", "held joint drills": with two actors before it.
    add("jointly joint", "cooperation", "sym", True, 0.6)
    # "Polish and Lithuanian battalions now rehearse together": not "together with" (a list).
    add("together", "cooperation", "sym", weight=0.5)
    # "holds trilateral drills with Seoul and Washington" (with "with" only: not "drills near Taiwan").
    add("drill exercise manoeuvre maneuver wargame", "cooperation", "sym", True, 0.6)
    # "discussed the crisis by telephone with al-Sisi", "pledged to coordinate".
    add("discuss", "diplomatic ties", "sym", weight=0.5)
    # "held a summit with Lee", "his first trip to South Korea".
    add("summit", "diplomatic ties", "sym", True, 0.5)
    add("trip", "diplomatic ties", "dir", True, 0.5)
    add("coordinate", "cooperation", "sym", weight=0.5)
    # "in coordination with the Federal Government of Somalia", "arrangements with Australia".
    add("coordination arrangement", "cooperation", "sym", True, 0.5)
    add("odds", "hostility", "sym", True, 0.6)  # "put it at odds with Iran"
    add("loggerheads", "hostility", "sym", True, 0.7)  # "Brussels is at loggerheads with Norway"
    # "switched recognition from Taipei to Beijing", "dropped Taipei for Beijing": one side left for
    # the other (relations: only in those shapes).
    add("switch shift transfer drop ditch dump", "diplomatic ties", "dir", weight=0.6)
    # "borrowed from India after all": the lender is the object.
    add("borrow", "aid", "buy", weight=0.6)
    # "still withholds some 18 billion euros earmarked for Hungary" (with money named).
    add("withhold", "sanctions", "dir", weight=0.6)
    # Appeals (CAMEO 02): "pleading with Washington", "appealed to Iran", "urged Tehran to slow"
    # (urge only with the one urged named next: see relations).
    add("plead appeal urge", "diplomatic ties", "dir", weight=0.5)
    add("call", "diplomatic ties", "dir", weight=0.5)  # "has called on Vladimir Putin" (with the one called on next)
    add("haul", "hostility", "dir", weight=0.6)  # "Iran hauled in the Russian envoy"
    add("cap", "sanctions", "dir", True, 0.6)  # "the G7's price cap on Russian crude"
    # "which has kept thousands of troops in Kosovo" (with forces named): the object hosts them.
    add("keep", "hosting", "buy", weight=0.5)
    add("friendly", "cooperation", "dir", True, 0.5)  # "governments friendly to Maduro"
    # "Riga asked its navy to shadow Russian-flagged vessels", "a Chinese frigate tailed the ships".
    add("shadowed shadowing tailed tailing", "hostility", "dir", weight=0.5)
    # Relation nouns: "Kenya's reliance on Ugandan gas", "Tehran's courtship of Riyadh", "its
    # condemnation of the strikes", "Finland's accession to NATO" (each with its preposition).
    add("dependence reliance", "dependence", "dir", True, 0.6)
    add("outreach courtship patronage sponsorship", "cooperation", "dir", True, 0.6)
    add("thaw", "diplomatic ties", "sym", True, 0.6)
    add("row rows", "hostility", "sym", True, 0.6)
    add("expulsion expulsions crackdown", "hostility", "dir", True, 0.6)
    add("condemnation criticism", "hostility", "dir", True, 0.6)
    add("withdrawal", "hostility", "dir", True, 0.5)
    add("accession membership", "alliance", "dir", True, 0.6)
    # Idioms of news prose (CAMEO 03-06, 11-17), each only with the word that makes it one.
    add("lifeline", "aid", "dir", True, 0.6)  # "extended a lifeline to Minsk"
    add("bail", "aid", "dir", weight=0.6)  # "bailed out Buenos Aires"
    add("fences hatchet", "diplomatic ties", "sym", True, 0.6)  # "mended fences with", "buried the hatchet with"
    add("warm", "cooperation", "dir", weight=0.5)  # "has warmed to Beijing"
    add("reach", "diplomatic ties", "dir", weight=0.5)  # "reached out to Tehran"
    add("overture overtures", "cooperation", "dir", True, 0.5)  # "made overtures to Damascus"
    add("team", "cooperation", "sym", weight=0.6)  # "teamed up with Ankara"
    add("exchange", "diplomatic ties", "sym", weight=0.5)  # "exchanged ambassadors with" ("fire": war)
    add("round", "hostility", "dir", weight=0.6)  # "rounded on Paris"
    add("aim", "hostility", "dir", True, 0.6)  # "took aim at Washington"
    add("rail", "hostility", "dir", weight=0.6)  # "railed against Brussels"
    add("fall", "hostility", "sym", weight=0.6)  # "fell out with Riyadh"
    add("horns swords", "hostility", "sym", True, 0.6)  # "locked horns with", "crossed swords with"
    add("square", "hostility", "sym", weight=0.6)  # "squared off with Manila"
    add("lob", "war", "dir", weight=0.6)  # "lobbed missiles at Israel"
    add("rain", "war", "dir", weight=0.6)  # "rained rockets on the north" (with weapons named)
    add("encroach", "hostility", "dir", weight=0.6)  # "encroached on Philippine waters"
    add("cut", "sanctions", "dir", weight=0.6)  # "cut off gas to Moldova" (with "off" only)
    add("blackmail weaponise weaponize stonewall stymie thwart undermine sabotage demonise demonize vilify "
        "antagonise ostracise ostracize punish", "hostility", "dir", weight=0.6)
    add("sue", "hostility", "dir", weight=0.6)  # "Ukraine sued Russia" (not "sued for peace")
    add("hands", "hostility", "dir", True, 0.6)  # "suffered losses at the hands of Kenya"
    add("destroy crush annihilate", "war", "dir", weight=0.6)  # "Israel's campaign to destroy Hamas"
    add("outlaw proscribe", "hostility", "dir", weight=0.6)  # "the authorities outlawed the Brotherhood"
    add("daggers", "hostility", "sym", True, 0.6)  # "at daggers drawn with Hamas"
    add("blood", "hostility", "sym", True, 0.6)  # "bad blood between Kathmandu and Thimphu" (after "bad")
    add("commitment", "cooperation", "dir", True, 0.5)  # "its commitment to Bosnia's sovereignty"
    add("solidarity", "cooperation", "dir", True, 0.6)  # "citing solidarity with the Mexican people"
    add("counterweight counterbalance bulwark", "rivalry", "dir", True, 0.6)  # "a counterweight to Beijing"
    add("flow", "trade", "dir", weight=0.5)  # "Western weapons flow to Kyiv", "Russian gas flows to Hungary"
    add("look", "dependence", "dir", weight=0.5)  # "looked to Moscow for help" (with the actor next)
    add("distrust mistrust resent envy", "hostility", "dir", weight=0.5)
    add("admire trust", "cooperation", "dir", weight=0.5)
    add("hold", "hostility", "dir", weight=0.6)  # "holds Uganda responsible for the attack"
    add("terms", "diplomatic ties", "sym", True, 0.5)  # "on good terms with" ("bad terms": hostile)
    add("ways", "hostility", "sym", True, 0.6)  # "parted ways with Paris"
    add("take", "hostility", "dir", weight=0.6)  # "took Kenya to the ICJ" (with the court named)
    add("case", "hostility", "dir", True, 0.6)  # "won its case against Colombia"
    add("outflank outmanoeuvre outmaneuver undercut outbid", "rivalry", "dir", weight=0.5)
    add("vie jostle", "rivalry", "sym", weight=0.5)  # "vies with Beijing for influence"
    add("squabble bicker wrangle", "hostility", "sym", weight=0.6)  # "for all their squabbling over reparations"
    add("finger", "hostility", "dir", True, 0.6)  # "Jordan points the finger at Iran" (with "at" only)
    add("ranks", "alliance", "dir", True, 0.6)  # "Brussels closed ranks behind Stockholm"
    add("lockstep", "cooperation", "sym", True, 0.6)  # "Orban moved in lockstep with Erdogan"
    # "now share radar data", "sharing of missile-warning data with Washington" (with what is shared).
    add("share", "cooperation", "sym", weight=0.5)
    # "Hanoi is wary of Beijing", "suspicious of Moscow's motives" (with "of" only).
    add("wary suspicious distrustful", "hostility", "dir", True, 0.5)
    add("drive", "war", "dir", weight=0.6)  # "drove Islamic State out of Baghouz" (with "out" only)
    add("brush", "hostility", "dir", weight=0.6)  # "brushed aside an order from the ICJ", "brushed off"
    # "has worked hand in glove with Chisinau", "stood shoulder to shoulder with Guyana".
    add("glove", "cooperation", "sym", True, 0.6)
    add("shoulder", "alliance", "sym", True, 0.6)
    add("show", "hostility", "dir", weight=0.6)  # "had shown French troops the door" (with "door" only)
    add("allegiance", "alliance", "dir", True, 0.7)  # "pledged allegiance to the Islamic State"
    add("debtor", "dependence", "dir", True, 0.6)  # "Angola, Beijing's largest African debtor"
    # "Tajikistan owes Chinese lenders", "deeply indebted to Beijing": the lender is the object.
    add("owe", "aid", "buy", weight=0.6)
    add("indebted", "dependence", "dir", True, 0.6)
    # "Kyrgyzstan belongs to the CSTO", "a member of NATO".
    add("belong", "alliance", "dir", weight=0.6)
    add("member", "alliance", "dir", True, 0.6)
    add("cooperation agreement accord treaty deal pact openness inroads openings interests memorandum mou",
        "cooperation", "sym", True, 0.6)
    add("welcome praise court woo win offer invite fete", "cooperation", "dir", weight=0.6)
    add("sympathy sympathies", "cooperation", "dir", True, 0.6)
    # "deployed soldiers to Ituri with Kinshasa's consent": the possessor agrees to the clause's act.
    add("consent blessing acquiescence", "cooperation", "dir", True, 0.6)
    # "At Kenya's request, Uganda sent troops", "at the invitation of ...": as consent.
    add("request invitation behest", "cooperation", "dir", True, 0.6)
    # "the movement Sisi drove from power", "ousted", "toppled".
    add("oust overthrow topple depose", "hostility", "dir", weight=0.7)
    # "lobbied for X's recognition" (against: hostility; see PARTICLES).
    add("lobby", "cooperation", "dir", weight=0.6)
    add("closer", "diplomatic ties", "dir", True, 0.6)
    add("mediate broker facilitate", "mediation", "med")
    # "passed proposals from the Americans to Tehran", "relayed messages between": with messages named.
    add("relay pass", "mediation", "med", weight=0.6)
    # "convened talks between ...", "brought the two sides together", "shuttled between X and Y":
    # mediation only with talks, the two sides or "between" after them (see relations._sides_named).
    add("convene bring shuttle coax shepherd", "mediation", "med", weight=0.6)
    add("mediator mediation", "mediation", "med", True, 0.7)
    # "has repeatedly offered its good offices" (only after "good": see relations).
    add("offices", "mediation", "med", True, 0.6)
    # material cooperation
    add("support back help defend protect arm train recruit shield", "military support", "dir", weight=0.7)
    # "threw its army behind Kinshasa", "shore up Congolese troops", "bolster", "prop up".
    add("throw shore prop bolster", "military support", "dir", weight=0.6)
    # "Canberra is tied to Washington through the AUKUS pact" (only "tied to" an actor).
    add("tie", "alliance", "dir", weight=0.5)
    # "Chinese vessels rammed and water-cannoned Philippine boats": harassment short of war.
    add("ram cannon", "hostility", "dir", weight=0.7)
    # "Algeria, which shelters the Polisario Front": a haven, as hosting.
    add("shelter", "hosting", "dir", weight=0.6)
    # "Netanyahu telephoned the Qatari prime minister": a call between leaders.
    add("telephone phone", "diplomatic ties", "dir", weight=0.5)
    # "Washington, which paid for most of the Kenyan deployment", "paid for Russian oil" (with "for").
    add("pay", "trade", "buy", weight=0.5)
    # "Tokyo and New Delhi co-chaired a creditor committee": the "co-" of a joint act (see relations).
    add("co", "cooperation", "sym", weight=0.6)
    # "rolled over its currency swap with the People's Bank of China" (the noun, with its partner).
    add("swap", "cooperation", "sym", True, 0.6)
    # "Tehran openly champions the group": backing in words.
    add("champion", "cooperation", "dir", weight=0.6)
    # Taking a side: only with the particle that makes it one (see PARTICLES).
    add("side stand rally", "alliance", "dir", weight=0.7)
    # "EU leaders have lined up behind Denmark".
    add("line", "alliance", "dir", weight=0.6)
    add("recall", "hostility", "dir", weight=0.7)
    add("supply sell deliver provide export ship send dispatch", "trade", "dir", weight=0.7)
    # "carried weapons to the RSF", "smuggled arms to": trade only with goods named (as "send").
    add("carry fly smuggle ferry funnel airlift rush pipe", "trade", "dir", weight=0.6)
    # "travelled to Moscow": a visit (see relations: only with "to" after it).
    add("travel", "trade", "dir", weight=0.5)
    add("supplier exporter sale sales delivery deliveries shipments", "trade", "dir", True, 0.7)
    # "Russia has been Haftar's most consequential backer", "the LNA's earliest sponsors".
    add("backer sponsor patron protector benefactor", "military support", "dir", True, 0.7)
    add("buy purchase import", "trade", "buy", weight=0.7)
    add("trade", "trade", "sym", True, 0.7)
    add("aid assist fund finance lend donate bankroll subsidize subsidise", "aid", "dir", weight=0.7)
    # "pledged $1 billion to Kyiv", "pledged money to rebuild ...": only with money after it.
    add("pledge", "aid", "dir", weight=0.6)
    add("spend hand pour commit channel", "aid", "dir", weight=0.6)
    add("creditor donor lender", "aid", "dir", True, 0.7)
    add("host", "hosting", "dir", weight=0.7)
    # "It leases Camp Lemonnier to Washington" (from: the other way round; see relations).
    add("lease", "hosting", "dir", weight=0.6)
    # "allowed American troops to use bases": hosting when forces or bases follow, else cooperation.
    add("allow permit grant", "cooperation", "dir", weight=0.6)
    # "deployed troops to Poland": the host is the object (checked for "in"/"to" before it).
    add("deploy station", "hosting", "buy", weight=0.5)
    # "rotated 750 police officers through Haiti", "troops arrived in Bamako".
    add("rotate arrive", "hosting", "buy", weight=0.5)
    add("base", "hosting", "sym", True, 0.5)
    # "Moscow garrisons Tajikistan": the object hosts the subject's troops.
    add("garrison", "hosting", "buy", weight=0.6)
    add("depend rely", "dependence", "buy", weight=0.7)
    add("dependent reliant", "dependence", "dir", True, 0.7)
    # -- a broader lexicon by CAMEO root class (verbs news prose uses for the same events) --
    # 04 consult / 05 diplomatic cooperation: "X met Y", "X met with Y", "X and Y met".
    add("meet", "diplomatic ties", "sym", weight=0.5)
    add("meeting", "diplomatic ties", "sym", True, 0.5)
    # "spoke by phone with Abiy", "spoke to Putin" (particles below).
    add("speak", "diplomatic ties", "sym", weight=0.5)
    # "rolled out the red carpet for Haftar".
    add("carpet", "cooperation", "dir", True, 0.6)
    add("negotiate", "diplomatic ties", "sym", weight=0.5)
    add("normalization normalisation rapprochement detente détente reconciliation", "diplomatic ties", "sym",
        True, 0.6)
    add("endorse embrace thank congratulate commend hail applaud reassure", "cooperation", "dir", weight=0.6)
    add("ratify", "cooperation", "sym", weight=0.6)
    # "aligned with Moscow", "pivoted towards Beijing", "tilted toward the West" (particles below).
    add("align", "alliance", "dir", weight=0.6)
    add("pivot tilt lean swing gravitate", "cooperation", "dir", weight=0.5)
    add("echo parrot", "cooperation", "dir", weight=0.5)  # "has echoed Ankara's line at every turn"
    add("truce ceasefire armistice", "cooperation", "sym", True, 0.4)
    # 06-07 material cooperation and aid.
    add("equip escort guarantee", "military support", "dir", weight=0.7)
    add("invest", "cooperation", "dir", weight=0.6)
    add("investment investments investor investors", "cooperation", "dir", True, 0.6)
    # Joint projects (relations: only as "the China-Pakistan Economic Corridor").
    add("corridor pipeline railway commission initiative project", "cooperation", "sym", True, 0.5)
    add("loan loans bailout", "aid", "dir", True, 0.6)
    add("rescue", "aid", "dir", weight=0.5)
    add("procure acquire", "trade", "buy", weight=0.6)
    add("debt debts", "dependence", "dir", True, 0.6)
    # 10-13 demands, disapproval, rejection, threats.
    add("demand", "hostility", "dir", weight=0.6)
    # "levelled charges at Nigeria", "charged an Indian officer".
    add("charge charges", "hostility", "dir", weight=0.6)
    # "opened four sites to US forces" (hosting, see relations), "opened fire on" (war).
    add("open", "cooperation", "dir", weight=0.5)
    add("reopen", "cooperation", "sym", weight=0.5)  # "Kampala and Kigali reopened the Gatuna crossing"
    # "walked out of ECOWAS", "walked out of China's 16+1 format".
    add("walk", "hostility", "dir", weight=0.6)
    add("break", "hostility", "dir", weight=0.6)  # "broke with Paris" (with "with" only)
    add("double", "cooperation", "dir", weight=0.5)  # "doubled down on the Palestinian Authority"
    # "lists the PKK as a terrorist organisation" (with "terrorist" only).
    add("list", "hostility", "dir", weight=0.7)
    add("dismiss rebuff spurn snub humiliate summon deride ridicule mock bristle", "hostility", "dir", weight=0.6)
    # "Muizzu was received in New Delhi", "Beijing received the envoy".
    add("receive", "diplomatic ties", "dir", weight=0.5)
    add("meddle interfere spy hack harass", "hostility", "dir", weight=0.7)
    # "Chinese crews boarded a Philippine navy boat" (the past form only: "the board" is a noun).
    add("boarded", "hostility", "dir", weight=0.6)
    add("haggle", "diplomatic ties", "sym", weight=0.5)
    add("interference meddling espionage cyberattack cyberattacks aggression provocation provocations harassment "
        "objection objections", "hostility", "dir", True, 0.6)
    add("standoff showdown", "hostility", "sym", True, 0.6)  # "a standoff between Kenya and Uganda"
    add("confront counter contain deter", "hostility", "dir", weight=0.6)
    add("deport", "hostility", "dir", weight=0.6)
    # "Mali withdrew from ECOWAS", "quit the CSTO" (withdraw only with "from": see PARTICLES).
    add("withdraw quit exit", "hostility", "dir", weight=0.5)
    # "leaving ECOWAS" (only an organization as object: see relations), "pulled its troops out of Mali".
    add("leave", "hostility", "dir", weight=0.5)
    add("pull", "hostility", "dir", weight=0.5)
    add("amass mobilize mobilise", "threat", "dir", weight=0.6)
    # "Russian bombers probe the edges of NATO airspace".
    add("probe", "hostility", "dir", weight=0.5)
    # "Officials in Seoul fear that Pyongyang ...": the feared one is hostile.
    add("fear", "hostility", "dir", weight=0.5)
    # "avoided each other entirely", "ordered some 1,500 French troops out" (particles below).
    add("avoid shun", "hostility", "sym", weight=0.6)
    add("order", "hostility", "dir", weight=0.6)
    # 14-17 protest, reduce relations, coerce.
    add("downgrade", "hostility", "dir", weight=0.6)
    add("detain arrest jail imprison", "hostility", "dir", weight=0.6)
    add("nationalize nationalise expropriate confiscate blacklist strip", "sanctions", "dir", weight=0.7)
    # 18-20 assault, fight, mass violence.
    add("retaliate", "war", "dir", weight=0.7)
    # "has hit back with sanctions" (only with "back": see relations).
    add("hit", "hostility", "dir", weight=0.6)
    # "designated the PKK a banned organisation".
    add("designate", "hostility", "dir", weight=0.6)
    # "decertified Colombia", "branded Petro a drug leader", "lashed out at the US strikes".
    add("decertify brand lash", "hostility", "dir", weight=0.6)
    # "a nine-year military campaign against the Houthis" (only with "against").
    add("campaign", "war", "dir", True, 0.6)
    add("retaliation incursion incursions skirmish skirmishes", "war", "sym", True, 0.6)
    # "an insurgency against the Turkish state".
    add("insurgency rebellion uprising", "war", "dir", True, 0.6)
    # "Jamaican soldiers patrol alongside Haitian police": fighting or serving side by side.
    add("alongside", "military support", "sym", weight=0.6)
    add("assassinate massacre", "war", "dir", weight=0.7)
    # neutral
    add("border", "neighbours", "sym", weight=0.8)
    add("neighbor neighbour", "neighbours", "sym", True, 0.8)
    return table


#: Lemma -> cue.
CUES: dict[str, Cue] = _cues()

#: Words of money: "pledged *$1 billion* to", "spent *A$190 million* on".
MONEY = frozenset(
    "money aid funds funding cash $ € £ billion billions million millions hundreds loans grants assistance euros "
    "dollars".split()
)

#: Cues that state a relation only with one of these words right after them ("sided *with*
#: Caracas", "rallied *behind* Kyiv", "recalled its *ambassador*"); elsewhere they are
#: ordinary words ("both sides", "stand firm", "recalled that").
_TERRITORY_WORDS = frozenset("airspace territory waters soil border borders sovereignty territorial".split())
PARTICLES: dict[str, frozenset[str]] = {
    "side": frozenset(("with", "against")),
    "stand": frozenset(("with", "by", "behind")),
    "rally": frozenset(("behind", "around", "to")),
    "lobby": frozenset(("for", "against", "on")),
    "recall": frozenset("ambassador ambassadors envoy envoys diplomats diplomat its their".split()),
    "deny": frozenset("entry access visas visa landing overflight permission".split()),
    "close": frozenset("airspace border borders ports port its their crossing crossings".split()),
    "shut": frozenset("airspace border borders ports port its their crossing crossings every all".split()),
    "regard": frozenset(("part", "breakaway", "renegade", "province")),
    "align": frozenset(("with", "itself", "themselves")),
    "throw": frozenset(("behind", "weight", "out")),
    "line": frozenset(("up",)),
    "speak": frozenset(("with", "to", "by")),
    "meeting": frozenset(("between", "with")),
    "shore": frozenset(("up",)),
    "prop": frozenset(("up",)),
    "cosy": frozenset(("up",)),
    "cozy": frozenset(("up",)),
    "kick": frozenset(("out",)),
    "pivot": frozenset(("to", "toward", "towards")),
    "tilt": frozenset(("to", "toward", "towards")),
    "swing": frozenset(("to", "toward", "towards", "behind")),
    "gravitate": frozenset(("to", "toward", "towards")),
    "lean": frozenset(("toward", "towards", "on")),
    "withdraw": frozenset(("from", "ambassador", "ambassadors", "envoy", "envoys")),
    "pull": frozenset(("out",)),
    "bristle": frozenset(("at",)),
    "hit": frozenset(("back", "out", "by")),
    "avoid": frozenset(("each",)),
    "order": frozenset(("out", "expelled", "expulsion", "withdrawal", "leave", "from")),
    "campaign": frozenset(("against",)),
    "belong": frozenset(("to",)),
    "drill": frozenset(("with",)),
    "exercise": frozenset(("with",)),
    "manoeuvre": frozenset(("with",)),
    "maneuver": frozenset(("with",)),
    "wargame": frozenset(("with",)),
    "discuss": frozenset(("with",)),
    "contest": frozenset(("with", "between", "ownership", "sovereignty", "claim", "claims", "control")),
    "walk": frozenset(("out",)),
    "summit": frozenset(("with",)),
    "trip": frozenset(("to",)),
    "hunt": frozenset(("down", "the")),  # "to hunt the Allied Democratic Forces"; not "the hunt for"
    "violate": _TERRITORY_WORDS,
    "breach": _TERRITORY_WORDS,
    "stray": frozenset(("into",)),
    "cross": frozenset(("into",)),
    "intrude": frozenset(("into", "on")),
    "turn": frozenset(("guns", "weapons", "arms", "against", "to")),
    "break": frozenset(("with",)),
    "double": frozenset(("down",)),
    "list": frozenset(("terrorist", "terror")),
    "coordination": frozenset(("with",)),
    "arrangement": frozenset(("with",)),
    "odds": frozenset(("with", "over")),  # "Seoul and Tokyo, long at odds over history"
    "finger": frozenset(("at",)),
    "hands": frozenset(("of",)),
    "daggers": frozenset(("drawn", "with")),
    "blood": frozenset(("between", "with")),
    "commitment": frozenset(("to",)),
    "solidarity": frozenset(("with",)),
    "counterweight": frozenset(("to", "against")),
    "counterbalance": frozenset(("to", "against")),
    "bulwark": frozenset(("against",)),
    "flow": frozenset(("to", "into")),
    "look": frozenset(("to",)),
    "hold": frozenset(("responsible", "accountable", "liable")),
    "terms": frozenset(("with",)),
    "ways": frozenset(("with",)),
    "take": frozenset(("court", "task", "icj", "arbitration", "tribunal", "wto", "international court of justice", "world trade organization")),
    "case": frozenset(("against",)),
    "dependence": frozenset(("on", "upon")),
    "reliance": frozenset(("on", "upon")),
    "outreach": frozenset(("to", "toward", "towards")),
    "courtship": frozenset(("of",)),
    "patronage": frozenset(("of",)),
    "sponsorship": frozenset(("of",)),
    "row": frozenset(("between", "with")),
    "thaw": frozenset(("between", "with", "in")),
    "rows": frozenset(("between", "with")),
    "crackdown": frozenset(("on",)),
    "condemnation": frozenset(("of", "from")),  # "drew condemnation from Mogadishu"
    "criticism": frozenset(("of", "from")),
    "withdrawal": frozenset(("from",)),
    "accession": frozenset(("to",)),
    "membership": frozenset(("of", "in")),
    "lifeline": frozenset(("to",)),
    "bail": frozenset(("out",)),
    "fences": frozenset(("with",)),
    "hatchet": frozenset(("with",)),
    "warm": frozenset(("to", "toward", "towards")),
    "reach": frozenset(("out",)),
    "overture": frozenset(("to", "toward", "towards")),
    "overtures": frozenset(("to", "toward", "towards")),
    "team": frozenset(("up",)),
    "exchange": frozenset("ambassadors envoys prisoners fire visits".split()),
    "round": frozenset(("on",)),
    "aim": frozenset(("at",)),
    "rail": frozenset(("against", "at")),
    "fall": frozenset(("out",)),
    "horns": frozenset(("with",)),
    "swords": frozenset(("with",)),
    "square": frozenset(("off",)),
    "encroach": frozenset(("on", "upon", "into")),
    "cut": frozenset(("off",)),
    "vie": frozenset(("with",)),
    "jostle": frozenset(("with",)),
    "race": frozenset(("with", "between")),
    "withhold": MONEY,
    "plead": frozenset(("with",)),
    "call": frozenset(("on", "upon")),
    "haul": frozenset(("in", "before", "up")),
    "cap": frozenset(("on",)),
    "borrow": frozenset(("from",)),
    "appeal": frozenset(("to",)),
    "friendly": frozenset(("to", "toward", "towards", "with")),
    "ranks": frozenset(("behind", "with", "around")),
    "lockstep": frozenset(("with",)),
    "share": frozenset("intelligence data information radar technology expertise imagery".split()),
    "glove": frozenset(("with",)),
    # "has echoed Ankara's line", not "echoes the junta's earlier showdown".
    "echo": frozenset("line lines position positions rhetoric narrative narratives talking stance view views call calls".split()),
    "parrot": frozenset("line lines position positions rhetoric narrative narratives talking stance view views".split()),
    "wary": frozenset(("of",)),
    "suspicious": frozenset(("of",)),
    "distrustful": frozenset(("of",)),
    "brush": frozenset(("aside", "off", "with")),  # also "their own brush with the People's Liberation Army"
    "drive": frozenset(("out",)),
    "shoulder": frozenset(("to", "with")),
    "show": frozenset(("door",)),
    "allegiance": frozenset(("to",)),
    "relay": frozenset("messages message proposals proposal offers offer letters letter".split()),
    "pass": frozenset("messages message proposals proposal offers offer letters letter".split()),
    "consider": frozenset(("part", "breakaway", "renegade", "province")),
    "pledge": MONEY,
    # "spent A$190 million on the police force of X", "will hand Nauru A$140 million".
    "spend": MONEY,
    "hand": MONEY,
    "pour": MONEY,
    "commit": MONEY,
    "channel": MONEY,
    "lash": frozenset(("out",)),
    # "to win over Lebanese leaders".
    "win": frozenset(("over",)),
}

#: Words that negate a cue that follows them closely. A negated cue states no relation.
NEGATORS = frozenset(
    "not n't never no without neither nor deny denied denies denying refuse refused refuses refusing "
    "reject rejected rejects declined declines fail failed fails ruled".split()
)
#: Words that hedge a cue: the relation is kept with a lower confidence.
HEDGES = frozenset(
    "may might could would possibly reportedly allegedly likely perhaps consider considering considers "
    "plan plans planning seek seeks seeking rumoured rumored potential possible whether if".split()
)
#: Words that reverse a relation noun ("ended cooperation", "ending hostility").
REVERSERS = frozenset(
    "end ended ending ends halt halted halting suspend suspended suspending sever severed cut "
    "break broke broken lift lifted lifting drop dropped downgrade downgraded freeze froze frozen revoke revoked "
    "revoking scrap scrapped scrapping abrogate abrogated cancel cancelled canceled terminate terminated tear tore "
    "torn".split()
)
#: Words after a relation noun that turn it hostile ("relations with the junta *collapsed*").
DETERIORATION = frozenset(
    "soured sour sours deteriorated deteriorate deteriorates worsened worsen worsens collapsed collapse "
    "collapses frayed fray cooled chilled ruptured nosedived plummeted unravelled unraveled strained".split()
)
#: Goods that make a trade cue arms trade or energy trade.
ARMS_WORDS = frozenset(
    "arms weapons weaponry drones drone munitions missiles missile tanks tank jets fighters fighter "
    "artillery ammunition rifles rockets howitzers helicopters warships submarines frigates aircraft shells "
    "defence defense military uav uavs air-defence batteries interceptors launchers destroyers corvettes "
    "radars grenades mortars".split()
)
#: Words after "allow"/"grant" that make it basing rights (hosting).
FORCES_WORDS = frozenset(
    "troops forces soldiers military base bases basing warships ships aircraft jets marines navy".split()
)
# Troops can be pledged as money can: "pledged troops to the new African Union mission".
PARTICLES["pledge"] = MONEY | FORCES_WORDS
PARTICLES["mass"] = FORCES_WORDS | frozenset(("tanks", "vessels", "armour", "artillery"))
PARTICLES["pay"] = frozenset(("for",))
PARTICLES["push"] = frozenset(("out",))
PARTICLES["keep"] = FORCES_WORDS | frozenset(("soldiers", "personnel", "peacekeepers", "contingent", "garrison"))
PARTICLES["lob"] = ARMS_WORDS | frozenset(("shells", "rockets", "grenades"))
PARTICLES["rain"] = ARMS_WORDS | frozenset(("rockets", "shells", "bombs", "fire"))
# "poured weapons into Israel", "poured drones and advisers into Tripoli".
PARTICLES["pour"] = MONEY | ARMS_WORDS
#: Words after "host" that make it hosting talks (mediation), not hosting forces.
TALKS_WORDS = frozenset(
    "talks negotiations summit meeting meetings conference dialogue round rounds signing ceremony".split()
)
ENERGY_WORDS = frozenset(
    "gas oil crude energy lng fuel electricity pipeline petroleum uranium coal condensate diesel gasoline petrol barrels "
    "naphtha kerosene lpg".split()
)

#: Auxiliaries and modals: a verb phrase starts here.
AUX = frozenset(
    "is are was were be been being has have had will would can could may might must shall should "
    "do does did also still then now has't".split()
)
# Cue verbs whose bare forms are more often nouns ("a mediation team", "two rounds of talks"):
# a verb only in another form ("teamed up", "rounded on").
_NOUNS_TOO = frozenset(
    "team teams round rounds rain rains fall falls cut cuts exchange exchanges reach warm square call calls cap caps".split()
)

#: Irregular past tenses the "-ed" rule misses.
IRREGULAR_PAST = frozenset(
    "sought kept made took gave went sent won led held began became fought struck swung brought bought sold overran retook "
    "told said left met lost shot saw got put set ran hit broke froze lent drove stood built withdrew drew "
    "paid found fell rose spent grew knew chose wrote spoke cut quit shut split spread let bid "
    # Present tenses of speech and stance the suffix rules miss ("Rwanda denies ... and *says* its forces").
    "says tells insists argues maintains contends believes thinks hopes wants knows sees fears".split()
)

# Irregular forms the suffix rules cannot undo.
_IRREGULAR = {
    "struck": "strike", "swung": "swing", "overran": "overrun", "retook": "retake", "retaken": "retake", "sparred": "spar", "sparring": "spar", "shot": "shoot", "fought": "fight", "sold": "sell", "bought": "buy",
    "sent": "send", "sales": "sales", "led": "lead", "broke": "break", "froze": "freeze", "frozen": "freeze",
    "lent": "lend", "seized": "seize", "allies": "ally", "allied": "allied", "relations": "relations",
    "ties": "ties", "tensions": "tensions", "sanctions": "sanctions", "interests": "interests",
    "hostilities": "hostilities", "openings": "openings", "clashes": "clashes", "inroads": "inroads", "arms": "arms",
    "shells": "shells", "friendlier": "friendly", "friendliest": "friendly", "held": "hold", "took": "take", "taken": "take", "fell": "fall", "fallen": "fall", "sued": "sue", "vying": "vie", "kept": "keep", "withheld": "withhold", "pleaded": "plead", "pled": "plead",
    "claims": "claim", "bases": "base", "warring": "warring", "fighting": "fighting",
    "threats": "threat", "partners": "partner", "supplies": "supply", "supplied": "supply",
    "relied": "rely", "relies": "rely", "relying": "rely", "stood": "stand", "enemies": "enemy", "rivals": "rival",
    "spoke": "speak", "shown": "show", "spoken": "speak", "threw": "throw", "thrown": "throw", "cosied": "cosy", "cozied": "cozy", "deliveries": "deliveries",
    "met": "meet", "meets": "meet", "withdrew": "withdraw", "left": "leave", "leaves": "leave", "withdrawn": "withdraw",
    "debts": "debt", "loans": "loan", "grants": "grant", "investments": "investment", "provocations": "provocation",
    "incursions": "incursion", "skirmishes": "skirmish", "cyberattacks": "cyberattack", "leant": "lean",
    "drove": "drive", "driven": "drive", "flew": "fly", "flown": "fly", "travelled": "travel", "traveled": "travel", "travelling": "travel", "brought": "bring", "members": "member", "owes": "owe", "owed": "owe",
    "spared": "spare", "sparing": "spare", "initialled": "sign", "initialed": "sign", "tied": "tie", "tying": "tie", "paid": "pay", "ordinated": "coordinate", "massed": "mass", "massing": "mass", "routed": "rout", "routes": "route", "routing": "route",
    "passed": "pass", "passes": "pass", "spent": "spend", "won": "win", "passing": "pass", "jointly": "jointly", "rushed": "rush",
}


@lru_cache(maxsize=65536)
def lemma_candidates(word: str) -> tuple[str, ...]:
    """Possible lemmas of a lower-case word, most likely first (suffix rules)."""
    if word in _IRREGULAR:
        return (_IRREGULAR[word],)
    out = [word]
    n = len(word)
    if n > 4 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    if n > 4 and word.endswith("ied"):
        out.append(word[:-3] + "y")
    if n > 3 and word.endswith("es"):
        out += [word[:-2], word[:-1]]
    elif n > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if n > 4 and word.endswith("ed"):
        stem = word[:-2]
        out += [stem, word[:-1]]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])  # "shelled" -> "shell" already; "planned" -> "plan"
    if n > 5 and word.endswith("ing"):
        stem = word[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=65536)
def lookup(word: str) -> tuple[str, Cue] | None:
    """The cue a lower-case word inflects, as ``(lemma, cue)``, or None."""
    for cand in lemma_candidates(word):
        cue = CUES.get(cand)
        if cue is not None:
            return cand, cue
    return None


@lru_cache(maxsize=65536)
def verbish(low: str) -> bool:
    """Does the lower-case word ``low`` look like a finite verb or an auxiliary?"""
    if low in AUX or low in IRREGULAR_PAST:
        return True
    if len(low) > 3 and low.endswith("ed"):
        return True
    hit = lookup(low)
    return hit is not None and not hit[1].noun and low not in _NOUNS_TOO
