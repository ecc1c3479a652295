"""The classifier on its own (pure, no AWS): revocations in natural wording, Unicode and misspelt
spellings, politeness, the two revocation policies, and the evidence of each decision."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sms_opt_out.domain.intents import RevocationPolicy
from sms_opt_out.domain.keywords import Intent, KeywordRules, explain
from sms_opt_out.domain.languages import ENGLISH, FRENCH, LANGUAGES, SPANISH
from sms_opt_out.domain.text_normalisation import DEFAULT_IGNORABLE, words

STRICT, CONTEXTUAL = RevocationPolicy.STRICT, RevocationPolicy.CONTEXTUAL
POLICIES = list(RevocationPolicy)
FCC_WORDS = ("STOP", "QUIT", "END", "REVOKE", "OPT OUT", "CANCEL", "UNSUBSCRIBE")

REVOCATIONS = [
    (ENGLISH, "please remove my number"),
    (ENGLISH, "Get me off this list"),
    (ENGLISH, "I didn't sign up for this"),
    (ENGLISH, "wrong number"),
    (ENGLISH, "Lose my number"),
    (ENGLISH, "unsub"),
    (ENGLISH, "unsubcribe"),
    (ENGLISH, "stopp"),
    (ENGLISH, "ST0P"),
    (ENGLISH, "s.t.o.p"),
    (ENGLISH, "S.T.O.P"),
    (ENGLISH, "\U0001f6d1"),
    (ENGLISH, "stop texting me"),
    (ENGLISH, "cancel these texts"),
    (SPANISH, "dejen de mandarme mensajes"),
    (SPANISH, "ya no me manden"),
    (SPANISH, "No quiero recibir más mensajes"),
    (SPANISH, "Quítenme de la lista"),
    (SPANISH, "Número equivocado"),
    (SPANISH, "No more mensajes please"),
    (FRENCH, "Arrêtez"),
    (FRENCH, "Désabonnez-moi"),
    (FRENCH, "Je ne veux plus recevoir de messages"),
    (FRENCH, "Laissez-moi tranquille"),
    (FRENCH, "Mauvais numéro"),
    (FRENCH, "ne plus m'envoyer de messages"),
]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize(("language", "text"), REVOCATIONS)
def test_natural_revocations_opt_out_in_their_language_under_both_policies(
    policy: RevocationPolicy, language: str, text: str
) -> None:
    found = explain(text, policy)

    assert (found.intent, found.language) == (Intent.OPT_OUT, language), found.reason


UNICODE_STOPS = [
    "S\ufe0fTOP",  # variation selector
    "ST\u034fOP",  # combining grapheme joiner
    "\u3164STOP",  # Hangul filler
    "\u115fSTOP",  # Hangul choseong filler
    "STOP\u2800",  # braille blank
    "S\u200bT\u200cO\u200dP",  # zero-width space, non-joiner, joiner
    "STO\U000e0050P",  # tag character
    "\ua731\u1d1b\u1d0f\u1d18",  # small capitals
    "\u13da\u13a2\u13be\u13e2",  # Cherokee
    "\ua4e2\ua4d4\ua4f3\ua4d1",  # Lisu
    "\uff33\uff34\uff2f\uff30",  # fullwidth
    "\U0001d412\U0001d413\U0001d40e\U0001d40f",  # mathematical bold
    "\U0001f142\U0001f143\U0001f13e\U0001f13f",  # squared
    "S\u0336T\u0336O\u0336P\u0336",  # strike-through marks
    "\u0405\u0422\u041e\u0420",  # Cyrillic
]


@pytest.mark.parametrize("text", UNICODE_STOPS)
def test_every_unicode_spelling_a_person_reads_as_stop_is_stop(text: str) -> None:
    assert words(text) == ("STOP",)
    assert explain(text).intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    ("text", "intent", "language"),
    [
        ("help pls", Intent.HELP, ENGLISH),
        ("AYUDA por favor", Intent.HELP, SPANISH),
        ("aide svp", Intent.HELP, FRENCH),
        ("START please", Intent.OPT_IN, ENGLISH),
        ("STOP svp", Intent.OPT_OUT, FRENCH),
        ("Stop por favor", Intent.OPT_OUT, SPANISH),
    ],
)
def test_politeness_after_a_keyword_does_not_change_it(text: str, intent: Intent, language: str) -> None:
    found = explain(text)

    assert (found.intent, found.language) == (intent, language)
    assert "politeness" in (found.reason or "")


@pytest.mark.parametrize("text", ["please start", "Can you help me", "more info please"])
def test_consent_and_help_are_never_read_from_a_sentence(text: str) -> None:
    assert explain(text).intent is Intent.OTHER


CONVERSATION = [
    ("Which bus stop?", "ambiguous.noun"),
    ("end of the month works for me", "ambiguous.followed-by"),
    ("I need to cancel my appointment for tomorrow", "ambiguous."),
    ("I'll stop by tomorrow", "ambiguous."),
    ("I can't stop thinking about it", "ambiguous.negated"),
    ("I can't stop laughing", "ambiguous.laughter"),
    ("my sister won't stop calling", "ambiguous.negated"),
    ("waiting for the rain to stop", "ambiguous.statement"),
    ("I quit", "ambiguous.statement"),
    ("rent is due at month end", "ambiguous.noun"),
    ("Can I cancel my subscription box order?", "ambiguous."),
    ("Stop! You're making me blush", "ambiguous.laughter"),
    ("Quit playing and come eat", "ambiguous.activity"),
    ("OMG stop it \U0001f602", "ambiguous.laughter"),
    ("Stop, wait for me!", "ambiguous.hold-on"),
    ("Stop, attendez-moi", "ambiguous.hold-on"),
    ("stop or go?", "ambiguous.choice"),
    ("On a fait du stop", "ambiguous.noun"),
    ("Stop texting and focus on the road", "ambiguous.object"),
    ("Make it stop, this song is awful", "ambiguous."),
    ("How do I get the kids to stop fighting?", "ambiguous."),
    ("I told him to stop texting me", "ambiguous.statement"),
    ("Tell your sister to stop calling me", "ambiguous.statement"),
    ("Stop texting my boyfriend", "ambiguous.object"),
    ("Stop, j'arrive", "ambiguous.hold-on"),
    ("Stop calling me at work", "ambiguous.object"),
    ("stop texting me after 9pm", "ambiguous.object"),
    ("Cancel it, let's do Friday instead", "ambiguous.event"),
    ("Stop sending me spoilers", "ambiguous.object"),
    ("Stop, you're embarrassing me", "ambiguous.laughter"),
    ("Meet me at the corner stop", "ambiguous.noun"),
    ("I'll stop texting you so much, promise", "ambiguous.statement"),
    ("Just end it with her", "ambiguous.object"),
    ("omg stop I'm dead", "ambiguous.laughter"),
    ("omg stop I can't", "ambiguous.laughter"),
    ("Stop sending voice notes", "ambiguous.object"),
    ("Stop sending chain letters to the group", "ambiguous.object"),
    ("Stop au gaspillage !", "ambiguous.followed-by"),
    ("When does the promo end?", "ambiguous.event"),
    ("OMG stop, no way he said that", "ambiguous.laughter"),
    ("Stop it if you can, the song is too loud", "ambiguous.advice"),
    ("Cancel it if you don't use it, the trial ends soon", "ambiguous.advice"),
    ("stop blowing your nose so loud", "ambiguous.activity"),
    ("Stop texting his brother, it's rude", "ambiguous.object"),
    ("Stop it, you two, right now", "ambiguous.between-people"),
    ("Stop, drop, and roll", "ambiguous.between-people"),
    ("Cancel that, we'll go another day", "ambiguous.object"),
    ("How do I stop getting sick every winter?", "ambiguous."),
]


@pytest.mark.parametrize(("text", "rule"), CONVERSATION)
def test_contextual_keeps_a_word_clearly_about_something_else_as_ambiguous_saying_why(
    text: str, rule: str
) -> None:
    found = explain(text, CONTEXTUAL)

    assert found.intent is Intent.AMBIGUOUS
    assert (found.rule or "").startswith(rule)
    assert found.reason and "not clearly about the messages" in found.reason
    assert found.policy is CONTEXTUAL


@pytest.mark.parametrize(("text", "rule"), CONVERSATION)
def test_strict_takes_every_fcc_word_as_a_revocation(text: str, rule: str) -> None:
    found = explain(text, STRICT)

    assert (found.intent, found.rule, found.policy) == (Intent.OPT_OUT, "word.strict", STRICT)


@pytest.mark.parametrize(
    "text", ["Don't text and drive!", "Drop me off at the stop near the library", "No more cake for me"]
)
def test_phrases_need_their_object(text: str) -> None:
    assert explain(text, CONTEXTUAL).intent is not Intent.OPT_OUT


@pytest.mark.parametrize(
    "text",
    ["stop", "STOP!!", "cancel", "Quit texting me", "end these messages", "stop it now", "I'm done, stop",
     "I want these texts to stop", "you won't stop texting me", "I need you to stop messaging me",
     "how many times do I have to say stop", "stop everything", "stop texting me at all",
     "Stop texting me at this number", "how many times do I have to ask you to stop",
     "I asked your company to stop texting me", "Stop texting my phone", "STOP. Wait, who is this?",
     "Stop! Hold on, how did you get my number?", "ALTO. Espera, ¿quién es?", "Stop texting me so much",
     "stop texting me after I said no", "Leave me alone, I'm warning you", "stooop stp j'en ai marre",
     "Stop, I'm fed up", "On vous a dit stop, c'est clair ?", "When will these texts end?",
     "stop the texts, I can't", "Stop texting me, I'm so tired of it", "Stop or I call the police",
     "Stop sending her your alerts, she passed away last year", "Stop sending me your promos, I moved",
     "STOP I'm pleading with you", "stop pls I already told you no", "quit ringing my phone",
     "stop blowing up my cell", "Unsubscribe me from the pharmacy refill reminders",
     "Unsubscribe me from the Main Street Bakery texts", "no más alertas de la farmacia por favor",
     "Ya no me manden más de esos", "unsubscribe me from the Friday specials",
     "Opt out of the coupons please", "desuscribirme de los cupones", "désabonnez-moi des soldes",
     "Your reminders come every day. Stop sending them.", "Please make them stop coming to my mobile",
     "Stop I'm not interested", "stop I don't know you", "stop who is this", "Stop we never asked"],
)  # fmt: skip
def test_contextual_still_revokes_on_a_word_alone_or_about_the_messages(text: str) -> None:
    assert explain(text, CONTEXTUAL).intent is Intent.OPT_OUT


GENERAL_RULES = [
    ("I didn't subscribe to this", "en.never-signed-up"),
    ("I never requested these messages", "en.never-signed-up"),
    ("who gave you my number? remove it", "en.remove-it"),
    ("I'd like to be removed", "en.remove-me"),
    ("Please take me out of your list", "en.off-the-list"),
    ("there is no Maria at this number", "en.wrong-number"),
    ("I withdraw my consent", "en.withdraw-consent"),
    ("knock it off", "en.fed-up"),
    ("halt all messages", "en.stop-messages"),
    ("No me interesa, bórrenme", "es.remove-me"),
    ("Quiero que me quiten de la lista", "es.off-the-list"),
    ("no quiero que me escriban", "es.do-not-want"),
    ("jamás me vuelvan a escribir", "es.do-not-send"),
    ("Alto, no me interesa", "keyword-sentence"),
    ("Arrêtez svp c'est la 3e fois", "keyword-sentence"),
    ("Paren por favor ya son las 11 de la noche", "keyword-sentence"),
    ("ALTO ALTO", "keyword"),
    ("supprime mon numéro", "fr.remove-number"),
    ("Merci de me retirer de votre liste", "fr.remove-number"),
    ("ne me dérangez plus", "fr.do-not-send"),
    ("Je veux arrêter de recevoir vos messages", "fr.stop-messages"),
    ("Je n'ai pas donné mon accord", "fr.never-signed-up"),
    ("We no longer consent", "en.withdraw-consent"),
    ("we want out of all your alerts", "en.remove-me"),
    ("screw off with the promos", "en.fed-up"),
    ("Please make them stop", "en.make-it-stop"),
    ("how can I get your texts to stop", "en.make-it-stop"),
    ("I'm the new owner of this number", "en.wrong-number"),
    ("this isn't Dana's number", "en.wrong-number"),
    ("Erase mi número", "en.remove-number"),
    ("Sacadme de vuestra lista", "es.off-the-list"),
    ("no me mandéis nada", "es.do-not-send"),
    ("no me fastidien más con los textos", "es.do-not-send"),
    ("ya te dije que no me escribas", "es.do-not-send"),
    ("Olviden mi número", "es.remove-number"),
    ("Ese no es el teléfono de Ana", "es.wrong-number"),
    ("Fichez-moi la paix avec vos pubs", "fr.leave-me-alone"),
    ("oubliez ce numéro", "fr.remove-number"),
    ("c'est pas le numéro d'Alain", "fr.wrong-number"),
    ("Fini les textos", "fr.stop-messages"),
    ("I'd rather not get these", "en.do-not-want"),
    ("we want nothing to do with your company", "en.do-not-want"),
    ("I just got this number, stop", "en.wrong-number"),
    ("Leave me the heck alone", "en.leave-me-alone"),
    ("equivocada", "es.wrong-number"),
    ("We don't want these texts", "en.do-not-want"),
    ("I refuse to receive these", "en.do-not-want"),
    ("Please discontinue", "en.stop-messages"),
    ("No quiero saber nada de ustedes", "es.do-not-want"),
    ("Je ne souhaite plus entendre parler de votre magasin", "fr.do-not-want"),
    ("Je refuse de recevoir ça", "fr.do-not-want"),
    ("Pourriez-vous me retirer, merci", "fr.remove-number"),
    ("My number no longer belongs to Tom", "en.wrong-number"),
    ("We'd like to stop getting your alerts", "en.do-not-want"),
    ("Unwanted texts", "en.do-not-want"),
    ("I need my info erased", "en.remove-number"),
    ("desist", "en.cease"),
    ("Retiren mi número", "es.remove-number"),
    ("Ni me escriban", "es.do-not-send"),
    ("Alto a los mensajes", "es.stop-messages"),
    ("Ya no me jodan", "es.do-not-send"),
    ("Les ruego que paren", "es.stop-imperative"),
    ("Je vous prie d'arrêter", "fr.stop-imperative"),
    ("I will report you to the FTC", "en.block-or-report"),
    ("Reporting this number to the attorney general", "en.block-or-report"),
    ("If you text me again I'm going to sue you", "en.block-or-report"),
    ("Los vamos a denunciar", "es.block-or-report"),
    ("Voy a reportarlos", "es.block-or-report"),
    ("Me voy a quejar ante la Profeco", "es.block-or-report"),
    ("Je vais porter plainte contre vous", "fr.block-or-report"),
    ("Je vais vous signaler à la CNIL", "fr.block-or-report"),
    ("This better be the last text", "en.last-one"),
    ("Make this the last message please", "en.last-one"),
    ("Another text?! Make it the last one", "en.last-one"),
    ("Que este sea el último mensaje", "es.last-one"),
    ("Que ce soit le dernier message", "fr.last-one"),
    ("Je vous ai déjà dit d'arrêter", "fr.stop-imperative"),
    ("Combien de fois faut-il vous dire d'arrêter ?", "fr.stop-imperative"),
    ("J'ai demandé d'arrêter, c'est du harcèlement", "fr.stop-imperative"),
    ("Merci d'arrêter", "fr.stop-imperative"),
    ("merci darreter svp", "fr.stop-imperative"),
    ("This was my dad's number", "en.wrong-number"),
    ("This phone is now my son's", "en.wrong-number"),
    ("Este número ahora es de mi hija", "es.wrong-number"),
    ("Este celular era de mi papá", "es.wrong-number"),
    ("C'était le numéro de mon père", "fr.wrong-number"),
    ("Ce numéro est maintenant celui de ma fille", "fr.wrong-number"),
    ("No le manden mensajes, ya no vive aquí", "es.do-not-send"),
    ("A ver si dejáis de mandarme mensajes", "es.stop-sending"),
    ("Que dejen de llegarme sus promociones", "es.stop-sending"),
    ("No deseo recibir más comunicaciones", "es.do-not-want"),
    ("I don't want any more communications from you", "en.do-not-want"),
    ("jveux plus de vos msg", "fr.do-not-want"),
    ("menvoyez plus rien", "fr.do-not-send"),
    ("ok unsub me", "word"),
    ("k im done, unsub me", "word"),
    ("desuscrivirme", "word"),
    ("Ya párenle con sus malditos textos", "es.no-more-messages"),
    ("Yo no pedí esto", "es.never-signed-up"),
    ("If this continues I will file a complaint with the FCC", "en.block-or-report"),
    ("One more text, and I report you", "en.block-or-report"),
    ("Je vais signaler votre numéro au 33700", "fr.block-or-report"),
    ("Ya es el tercer mensaje. Que sea el último", "es.last-one"),
    ("Cuántas veces les tengo que decir que paren", "es.stop-imperative"),
    ("This is my son's phone now", "en.wrong-number"),
    ("Este número ya es de otra persona", "es.wrong-number"),
    ("Mi mamá falleció, este era su celular", "es.wrong-number"),
    ("Ce numéro appartient maintenant à mon fils", "fr.wrong-number"),
    ("Ce numéro est pro, ne plus y envoyer de pubs", "fr.do-not-send"),
    ("No more reminders please", "en.no-more-messages"),
    ("No más recordatorios por favor", "es.no-more-messages"),
    ("Arrêtez les rappels svp", "fr.stop-messages"),
    ("Ya para con los textos", "es.no-more-messages"),
    ("Arrête avec tes SMS", "fr.pestering"),
    ("Quit bugging me with these alerts", "en.pestering"),
    ("Stop annoying us with all the promos", "en.pestering"),
    ("Dejen de estar fastidiando con tantos mensajes", "es.pestering"),
    ("Queremos dejar de recibir sus promociones", "es.do-not-want"),
    ("Necesito dejar de recibir esto", "es.do-not-want"),
    ("Cómo dejo de recibir estos textos", "es.do-not-want"),
    ("Ya no me contactes", "es.do-not-send"),
    ("Ce numéro n'est plus celui de mon père", "fr.wrong-number"),
    ("El celular ya no es el de mi tía", "es.wrong-number"),
    ("My number isn't Karen's", "en.wrong-number"),
    ("This is my grandma's phone, don't text her again", "en.their-line"),
    ("It's his number, stop calling him", "en.their-line"),
    ("Es el teléfono de mi papá, no le manden nada", "es.their-line"),
    ("C'est le numéro de mon fils, ne lui envoyez plus rien", "fr.their-line"),
    ("C'est le portable de ma mère, cessez de lui écrire", "fr.their-line"),
    ("Halt please", "en.stop-messages"),
    ("Halte à vos messages", "fr.stop-messages"),
    ("Halte-là", "fr.stop-imperative"),
    ("remv me", "en.remove-me"),
    ("Delete me please", "en.remove-me"),
    ("Eliminen por favor", "es.remove-me"),
    ("Quitar", "es.remove-me"),
    ("Effacez svp", "fr.remove-number"),
    ("Apaguen las notificaciones", "es.stop-messages"),
    ("Disable these alerts", "en.stop-messages"),
    ("Désactivez mes notifications svp", "fr.stop-messages"),
    ("It needs to stop, third message this morning", "en.has-to-stop"),
    ("Esto tiene que parar, otro mensaje más", "es.has-to-stop"),
    ("Ça doit cesser, encore un SMS", "fr.has-to-stop"),
    ("Sin mensajes por favor", "es.no-more-messages"),
    ("Nada de textos gracias", "es.no-more-messages"),
    ("Aucun SMS svp", "fr.no-more-messages"),
    ("Que me deis de baja ya", "es.unsubscribe"),
    ("Quiero que me des de baja", "es.unsubscribe"),
    ("Basta de avisos por favor", "es.no-more-messages"),
    ("No doy mi consentimiento para esto", "es.never-signed-up"),
    ("Je ne donne pas mon consentement", "fr.never-signed-up"),
    ("Bórrenme ahora de la lista", "es.off-the-list"),
    ("Ya no m escriban", "es.do-not-send"),
    ("Descontinúen las alertas por favor", "es.stop-messages"),
    ("Stop calling my son, this is his phone", "en.their-line"),
    ("stp texting me", "en.stop-misspelt"),
    ("st op sending me these messages", "en.stop-misspelt"),
    ("Get me off the PTA text list", "en.off-the-list"),
    ("Take my number off the youth group text tree", "en.off-the-list"),
    ("Please take my number off your pharmacy refill list", "en.off-the-list"),
    ("Email only please, not by text", "en.another-channel"),
    ("contáctenme por correo, no por SMS", "es.another-channel"),
    ("Par courrier seulement, pas par SMS", "fr.another-channel"),
    ("Solo por correo, nada de mensajitos de promoción", "es.another-channel"),
    ("Not interested, goodbye", "en.not-interested"),
    ("No me interesa, adiós", "es.not-interested"),
    ("Pas intéressé, au revoir", "fr.not-interested"),
    ("Baja de todos los mensajes por favor", "es.unsubscribe"),
    ("baja porfa, ya no vivo aquí", "es.unsubscribe"),
    ("Que ya no me lleguen más alertas", "es.do-not-send"),
    ("Alto con tantos mensajes", "es.stop-messages"),
    ("Déjenme en paz con tantos mensajes de cobranza", "es.leave-me-alone"),
    ("Leave me alone with your loan offers", "en.leave-me-alone"),
    ("No soy yo, número equivocado", "es.wrong-number"),
    ("Mauvais num", "fr.wrong-number"),
    ("Sáquenme del grupo de alertas", "es.off-the-list"),
    ("\U0001f6ab textos", "es.no-more-messages"),
    ("Résiliez les alertes SMS", "fr.stop-messages"),
    ("arrêtez svp les rappels", "fr.stop-messages"),
    ("Je veux juste que les SMS cessent", "fr.do-not-want"),
    ("Plus aucune alerte svp", "fr.no-more-messages"),
    ("Plu de sms svp", "fr.no-more-messages"),
    ("ya no kiero mensajes", "es.do-not-want"),
    ("no enbien mas", "es.do-not-send"),
    ("no me escrivan más", "es.do-not-send"),
    ("No more of them, thanks", "en.no-more-messages"),
    ("no more appointment reminders please", "en.no-more-messages"),
    ("Si me vuelves a escribir te denuncio", "es.block-or-report"),
    ("op out pls", "en.opt-me-out"),
    ("Op me out of these", "en.opt-me-out"),
    ("Leave me alone, I already said no", "en.leave-me-alone"),
    ("please no text me anymore", "en.do-not-text"),
    ("How can I stop receiving your alerts?", "en.how-to-stop"),
    ("is there any way to stop getting these", "en.how-to-stop"),
    ("No need to contact me again, I sold the car", "en.no-need"),
    ("No reason to keep texting me, I moved away", "en.no-need"),
    ("Ni me vuelvan a mandar nada", "es.do-not-send"),
    ("Favor de ya no llamarme", "es.do-not-send"),
    ("ya no mandarme promociones por favor", "es.do-not-send"),
    ("No me hagan llegar más promociones", "es.do-not-send"),
    ("Sáquenme de sus alertas", "es.off-the-list"),
    ("Sáquenme de sus envíos, por favor", "es.off-the-list"),
    ("¿Cómo me salgo de su lista?", "es.off-the-list"),
    ("¿Me podrían quitar de sus notificaciones?", "es.off-the-list"),
    ("Ese ya no es mío, cambié de celular", "es.wrong-number"),
    ("basta ya con tantas alertas", "es.no-more-messages"),
    ("¿Qué tengo que hacer para dejar de recibir esto?", "es.how-to-stop"),
    ("Ya no hace falta que me contacten, gracias", "es.no-need"),
    ("Suspendan toda comunicación", "es.stop-messages"),
    ("Plus besoin de m'envoyer ces rappels", "fr.no-need"),
    ("plus la peine de me contacter", "fr.no-need"),
    ("J'ai jamais souscrit à ça", "fr.never-signed-up"),
    ("Cessez toutes les sollicitations", "fr.stop-messages"),
    ("Retirez-moi de là svp", "fr.remove-number"),
    ("take us of this list", "en.off-the-list"),
    ("laisser nous tranquille", "fr.leave-me-alone"),
    ("Enlever moi de votre liste", "fr.remove-number"),
]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize(("text", "rule"), GENERAL_RULES)
def test_general_rules_revoke_and_name_themselves(policy: RevocationPolicy, text: str, rule: str) -> None:
    found = explain(text, policy)

    assert (found.intent, found.rule) == (Intent.OPT_OUT, rule), found.reason


@pytest.mark.parametrize(
    "text",
    [
        "I never signed up for soccer this year",
        "I never agreed to that price",
        "Don't text me when I'm driving",
        "Take me off speaker",
        "Leave me alone for 5 min I'm cooking",
        "never call me again lol jk",
        "Sorry wrong person, meant to send to my sister",
        "No more texts from your ex?",
        "Deja de molestar a tu hermano",
        "No me escribas tan tarde",
        "Quítame de la lista de invitados, no puedo ir",
        "Quiero darme de baja del gimnasio",
        "Arrête d'embêter ta sœur",
        "Arrête, tu me fais rougir",
        "Retire-moi de la photo",
        "Ne m'appelle plus après 22h",
        "Je t'écris plus tard",
        "Opting out of the potluck this time",
        "I gave you the wrong number for the dentist",
        "Me equivoqué de número, perdón",
        "Sácame de la lista del partido del sábado",
        "Retirez-moi de la liste des bénévoles de dimanche",
        "ya le dije que no a mi jefe",
        "Take me off the volunteer list for Sunday",
        "Leave me alone, I'm studying",
        "Laisse-moi tranquille, je dors",
        "No me escriban, estoy en clase",
        "Don't send me the invoice yet",
        "Ne m'envoie plus de vidéos de chats",
        "oops wrong person",
        "No me escribas desde ese número, ya no lo uso",
        "Supprime mon numéro de ton téléphone",
        "I don't want to receive any packages at home",
        "Ce n'est pas mon numéro de chambre",
        "No me mandes la dirección todavía",
        "Deja de escribirme en mayúsculas",
        "Número equivocado, te lo mandé a ti por error",
        "T'as le mauvais numéro de Julie",
        "Delete my number from the family list",
        "Retiré mi número del grupo",
        "T'as pas le bon numéro de Paul",
        "Désolé, mauvais numéro, je voulais écrire à ma sœur",
        "Arrête, tu vas me faire pleurer",
        "He said he'd leave me alone if I paid",
        "Leave me alone with the cake and it's gone",
        "Déjame en paz con lo de la fiesta",
        "Déjame en paz un ratito",
        "Estoy cansada, déjame en paz",
        "Laisse-moi tranquille avec cette histoire",
        "Laisse-moi tranquille, je fais la sieste",
        "Leave me alone, I'm so tired",
        "I got a wrong number text from some guy",
        "Wrong number? I was trying to reach my aunt",
        "I think I sent it to the wrong number",
        "Le mandé el mensaje al número equivocado",
        "J'ai envoyé la photo au mauvais numéro",
        "Alguien me escribió con número equivocado",
        "Quelqu'un s'est trompé de numéro",
        "Mauvais numéro ? Non, c'est bien moi",
        "Borra mi número viejo, ya no lo uso",
        "Me di de baja de los correos de la tienda",
        "Deja de escribir tonterías en el chat de la familia",
        "Arrête d'écrire n'importe quoi dans le groupe",
        "Tu arrêtes quand ?",
        "Le juge a révoqué son sursis",
        "Je lui ai dit d'arrêter",
        "I'm going to report him to HR",
        "Voy a reportar a mi vecino",
        "Pas de message de ta part depuis hier ?",
        "Sin mensajes de tu parte, todo bien?",
        "No message..no response",
        "Hay que parar en la gasolinera, te mando mensaje",
        "Este es el celular de mi hija, escríbele a ella",
        "Es el celular de mi abuela, no le escriban tan tarde",
        "C'est le numéro de mon fils, ne lui écrivez plus après 21h",
        "Delete the photo",
        "Quitar la mesa",
        "Halt the car at the corner",
        "Ya para con eso",
        "Désactive le réveil",
        "Apaga la tele y lee tus mensajes",
        "Dejar de recibir el paquete",
        "No me molestes, estoy en una reunión",
        "Remove me from the family group chat",
        "Quítame del grupo de la familia",
        "Baja, que ya llegué",
        "Para, no puede ser, ¿en serio ganó?",
        "Take me off the volunteer list for Sunday",
        "No more birthday texts from your ex?",
        "Unlimited texts on the new plan?",
        "Textos ilimitados y datos gratis",
        "SMS illimités avec le forfait",
        "No me vuelvas a dejar plantada",
        "¿De dónde sacaste mi número? Te lo di yo?",
        "Quiero dar de baja el internet de la casa",
        "Voy a dar de baja a mi hija del equipo",
        "Je veux ne plus recevoir la facture papier",
        "Dis à Marc d'arrêter de m'appeler en conduisant",
        "Plus de nouvelles de ta part depuis lundi ?",
        "Plus de messages du groupe de foot, tant mieux",
        "No es mi número, es el de mi esposo",
        "How do I reach customer service about my bill?",
        "No need to call me back, it's sorted",
        "Why no text me back?",
        "I did not authorize that payment, freeze the card",
        "No autoricé esa compra, bloqueen la tarjeta",
        "Je n'ai jamais autorisé ce paiement",
        "Please refrain from using the microwave",
        "Refrain from calling after 9pm please",
        "Delete her number already",
        "I no want more cake",
        "Ya no, gracias, estoy lleno",
        "No thanks",
        "Prefiero no recibir visitas hoy",
        "Ya no los quiero, te los regalo",
        "Que se acaben las vacaciones ya",
        "Tu peux le retirer de la liste des invités ?",
        "J'en veux pas de tes photos",
        "Je préfère ne pas recevoir de colis cette semaine",
        "Plus message que d'appels ces jours-ci",
        "can you not be late tomorrow",
        "no conozco a ningún doctor bueno",
        "hit me up later",
        "jajaja para ya",
        "mdr arrête tes bêtises",
        "ya deja de molestar a tu hermano",
        "no soy el que buscas para el equipo",
        "Don't send messages to the group chat",
        "never send texts while driving",
        "Llámame cuando llegues, no mensajes que no los veo",
        "Il est mort de rire, arrête de lui écrire des blagues",
        "She doesn't want the texts from her ex",
        "Not interested in going tonight",
        "Not interested lol",
        "Le foot, ça m'intéresse pas, on regarde autre chose",
        "how to not get these shoes dirty",
        "Sácame una foto",
        "Les dije que no a los niños",
        "Dile a tu hermano que no me escriba",
        "Mi mamá dice que ya no le mandes memes",
        "Le chemin est bloqué",
        "the road is blocked, take 5th",
        "j'en veux plus de ce gâteau",
        "Sortez-moi de là, ce film est nul",
        "My mom doesn't want the dog anymore",
        "I'm changing my outfit, leave me alone",
        "No me interesa el fútbol",
        "No need to call the plumber",
        "please not now, I'm driving",
        "I'm going to block you lol",
        "I'll block you from the game if you cheat again",
        "Don't use my phone to play games",
        "Don't use my number for the Costco card, use yours",
        "No more texts from your ex?",
        "no need to text me, see you at 5",
        "I told you not to text me while I'm driving",
        "Cancelé la suscripción a la revista, nunca la leía",
        "voy a cancelar la suscripción al gimnasio",
        "j'ai envoyé le virement à la mauvaise personne, comment l'annuler ?",
        "Pas de pub pour les enfants à la télé",
        "Je vais vous signaler un problème sur la facture",
        "have a good weekend",
        "No estoy interesado en el coche, pero gracias por la oferta del seguro",
        "Parar mensajes de mi hermana es imposible",
        "¿Cancelar los mensajes de tu mamá? no",
        "Comment on arrête ça, le robinet fuit partout",
        "Comment on arrête le lave-vaisselle?",
        "me pueden sacar de la lista de invitados",
        "¿cómo se sale de la autopista?",
        "mettez-moi hors de la liste du covoiturage",
        "Ne lui envoie rien, c'est une surprise",
        "parar en la tienda",
        "Arrêter de fumer",
        "Ne lui écrivez plus après 21h",
        "no le manden nada hasta el lunes",
        "I said no to the party. Why are you still texting him?",
        "Le dije que no a mi hermano. ¿Por qué siguen peleando?",
        "Je lui ai dit non. Pourquoi vous continuez à parler de ça?",
        "Pueden parar en la gasolinera",
        "Vous pouvez arrêter la voiture ici",
        "No hay razón para llamar al plomero",
        "Aucune raison d'appeler le plombier",
        "Me opongo a la nueva ley",
        "J'ai mangé trop de frites. Plus jamais.",
        "I'm done getting these groceries, on my way",
        "Don't text me at this number after 9, use the work line",
        "Es spam el correo que te llegó, no lo abras",
        "Mi abuelo murió hace años, ya no hablamos de eso",
        "Darme de baja de todos esos gimnasios fue un alivio",
        "Wrong number, that's my old one, use the new one",
        "Número equivocado, este es el viejo, usa el nuevo que te pasé",
        "Mauvais numéro! C'est mon ancien, prends le nouveau",
        "Laisse-moi tranquille, je regarde le match",
        "J'ai dit au voisin d'arrêter de m'écrire la nuit",
        "Not interested, I'm going to bed",
        "No me interesa, voy a dormir",
        "Pas intéressé, je vais dormir",
        "Laisse-moi tranquille avec tes questions",
        "Déjame en paz con tus chistes",
        "Apaga las luces, todas",
        "Mis amigos me escriben a diario, ya no",
        "I'm not a customer service rep lol",
        "Not interested lol",
        "I don't need your help",
        "No necesito tus servicios jaja",
        "I've never been to your house lol",
        "I never bought anything from that store",
        "Nunca fui a tu casa",
        "Jamais été chez toi",
        "Not interested in going tonight",
        "No me interesa su vida",
        "J'ai pas demandé ça au serveur",
        "This is harassment lol, give me my charger back",
        "Laissez-moi tranquille avec vos histoires, les enfants!",
        "Pas intéressé par vos bêtises les gars",
        "Me llamaron mis papás y me escribieron, ya no",
        "Déjenme en paz con los chismes, chicos",
        "Appelez-moi plus tard",
        "Envoyez-moi plus d'infos",
        "Can you send me the estimates?",
        "Pedí que me quitaran el yeso",
        "Not interested in your drama lol",
        "J'ai demandé à être retirée du tournoi",
        "I'd rather you didn't call me after 9",
        "No need to text me back",
        "One more slice and I'm gonna be sick",
        "Prefiero que no me escribas mientras manejo",
        "Para que no te lleguen los paquetes tarde, pon la dirección completa",
        "Je préfère que vous ne m'appeliez pas après 20h",
        "Y a moyen de plus recevoir le colis avant midi ?",
        "Encore un gâteau et je vais exploser",
        "Hay que sacarlo de la lista de invitados",
        "Tu peux le retirer du four à 18h ?",
        "no text from him yet, still waiting",
        "this is a work phone so I can't install apps",
        "no more pizza pls im begging lol",
        "email only for the receipts",
        "I refuse to pay that",
        "les dije alto 3 veces a los niños",
        "ya que paren de llover salimos",
        "mais arrêtez de rire",
        "mi hija dice que ya no los quiero",
        "Ya no los quiero, te los regalo",
        "the karma parka was atop the pile",
        "ok I'll send the photos by mail instead",
        "te lo mando por correo mejor",
        "je t'envoie ça par mail plutôt",
        "no me escribió ni un mensaje en todo el día",
        "Laisse-moi tranquille avec ton foot",
        "plus besoin de manteau aujourd'hui",
        "no les manden nada hasta el viernes",
        "mis hijos me escriben a cada rato, ya no sé qué hacer",
    ],
)
def test_general_rules_keep_to_the_messages(text: str) -> None:
    """Conversation near each round's rules (the FCC words or a family's wording about something
    else, someone else, a limit in time, a charge not authorised): no revocation under either policy."""
    for policy in POLICIES:
        assert explain(text, policy).intent is not Intent.OPT_OUT, policy


@pytest.mark.parametrize(
    "text",
    [
        "Il faut arrêter de fumer, je t'envoie un SMS ce soir",
        "This is my sister's phone, text her tomorrow",
        "Si me vuelves a escribir así me río",
        "Remove from oven after 20 minutes",
        "Bórralo de la lista, ya lo compré",
        "Nunca más escribo en ese grupo",
        "I'm reporting it to my carrier, my phone got stolen",
        "Para, ya no tengo hambre",
        "Can I get taken off this shift?",
        "sáquenme de aquí, esta fiesta está aburrida",
    ],
)
def test_general_rules_alone_keep_to_the_messages(text: str) -> None:
    """The rules (the reply model aside: under STRICT, recall first, it reads these as revocations,
    and under CONTEXTUAL keeps them for review, never an opt-out)."""
    for policy in POLICIES:
        rules = KeywordRules(policy=policy, second_opinion=False)
        assert rules.classify_reply(text).intent is not Intent.OPT_OUT, policy
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is not Intent.OPT_OUT


FAMILIES_IN_OTHER_WORDS = [
    ("we no want any more texts", "en.do-not-want"),
    ("these alerts don't interest me", "en.do-not-want"),
    ("could you not", "en.fed-up"),
    ("kindly refrain from contacting me", "en.do-not-text"),
    ("Please abstain from messaging us", "en.do-not-text"),
    ("quit hitting me up", "en.do-not-text"),
    ("Delete from mailing list", "en.off-the-list"),
    ("Don't include me in your mailings anymore", "en.remove-me"),
    ("STOP 1", "en.stop-misspelt"),
    ("My dad passed away last month, please delete his number", "en.their-line"),
    ("Don't call her phone again, she moved", "en.their-line"),
    ("Spam again. If you text me once more I'll report you to my carrier", "en.block-or-report"),
    ("no more coupons via text please", "en.no-more-messages"),
    ("lose my digits", "en.remove-number"),
    ("No thanks, goodbye", "en.not-interested"),
    ("Sáquenla de su lista, ya falleció", "es.remove-it"),
    ("Eliminen su número de la lista, mi papá ya murió", "es.their-line"),
    ("¿Quién les dio mi celular? Elimínenlo", "es.remove-it"),
    ("Quítenme de las alertas", "es.off-the-list"),
    ("Ya no me mande mensajes por favor", "es.do-not-send"),
    ("Jamás me vuelva a mandar nada", "es.do-not-send"),
    ("Absténganse de contactarme", "es.do-not-send"),
    ("Dije que paren", "es.stop-imperative"),
    ("Preferiría no recibir más mensajes", "es.do-not-want"),
    ("No quiero seguir recibiéndolos", "es.do-not-want"),
    ("Ya no las quiero recibir", "es.do-not-want"),
    ("Sus mensajes no me interesan", "es.do-not-want"),
    ("Que se terminen ya estos textos", "es.has-to-stop"),
    ("Si no paran los denuncio", "es.block-or-report"),
    ("No me agreguen a sus listas de difusión", "es.remove-me"),
    ("No gracias, chao", "es.not-interested"),
    ("no conozco a nadie llamado Luis", "es.wrong-number"),
    ("olvídenme por favor", "es.remove-me"),
    ("Retirez-la de vos fichiers svp", "fr.remove-it"),
    ("Supprimez-nous des envois", "fr.remove-number"),
    ("Pouvez-vous me retirer des alertes", "fr.remove-number"),
    ("Merci de le supprimer de votre liste, il est décédé", "fr.their-line"),
    ("Merci de retirer son portable de vos envois", "fr.their-line"),
    ("On m'a donné ce numéro il y a un mois, supprimez-le", "fr.remove-it"),
    ("Supprimez mon portable de votre fichier", "fr.remove-number"),
    ("Vos SMS, j'en veux pas", "fr.do-not-want"),
    ("Je n'ai plus besoin de vos alertes", "fr.do-not-want"),
    ("Vos promotions ne m'intéressent plus", "fr.do-not-want"),
    ("Je préférerais ne plus être sollicité", "fr.do-not-want"),
    ("plus sms svp", "fr.no-more-messages"),
    ("Cessez je vous en prie", "fr.stop-imperative"),
    ("C'est du spam, je vais le signaler au 33700", "fr.block-or-report"),
    ("Plus de bons d'achat par texto merci", "fr.another-channel"),
    ("Ne m'inscrivez plus", "fr.do-not-send"),
    ("Veuillez vous abstenir de m'écrire", "fr.do-not-send"),
    ("Non merci, bonne journée", "fr.not-interested"),
    ("je ne connais personne de ce nom", "fr.wrong-number"),
    ("sacrez-moi patience", "fr.leave-me-alone"),
    ("oubliez-moi svp", "fr.remove-number"),
    ("no soy a quien buscan", "es.wrong-number"),
    ("Je suis pas la personne que vous cherchez", "fr.wrong-number"),
    ("Erreur sur la personne", "fr.wrong-number"),
    ("Vous nous spammez", "fr.leave-me-alone"),
    ("Ya dejen de fregar", "es.leave-me-alone"),
    ("She no longer uses this number", "en.wrong-number"),
    ("Please call me instead of texting", "en.another-channel"),
    ("You're in violation of the TCPA", "en.another-channel"),
    ("Do not send promotions to this number", "en.do-not-text"),
    ("Ya no usa ese celular", "es.wrong-number"),
    ("Prefiero una llamada, no mensajes de texto", "es.another-channel"),
    ("Elle n'utilise plus ce portable", "fr.wrong-number"),
    ("Contactez-moi par courriel, pas de texto", "fr.another-channel"),
    ("Mon mari est décédé, cessez de lui écrire", "fr.their-line"),
]
"""Families of revocation found missing by an unseen part (``heldout-9``), each in wordings of
its own: the relative's or the recycled line ("remove his number", "sáquenla de su lista",
"supprimez-le"), off the reminders, refraining, reporting to the carrier, no longer wanting them,
non-native wording ("I no want", "plus sms"), and "no thanks, goodbye"."""


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Stop, I'm full, no more cake", "ambiguous.hold-on"),
        ("Stop, j'ai plus faim", "ambiguous.hold-on"),
        ("Cancel my subscription to the gym when you go", "ambiguous.object"),
        ("Can you cancel my subscription for the newspaper?", "ambiguous.object"),
        ("Which stop? stop 2", "ambiguous.question"),
        ("I unsubscribed by accident, oops", "ambiguous.rejoin"),
        ("Me desuscribí por error", "ambiguous.rejoin"),
        ("Je me suis désinscrite par erreur", "ambiguous.rejoin"),
    ],
)
def test_contextual_holds_stop_beside_being_full_a_subscription_elsewhere_or_an_unsubscribe_by_mistake(
    text: str, rule: str
) -> None:
    found = explain(text, CONTEXTUAL)

    assert (found.intent, found.rule) == (Intent.AMBIGUOUS, rule), found.reason
    assert explain(text, STRICT).intent is Intent.OPT_OUT


def test_every_classification_says_the_rule_the_reason_and_the_policy() -> None:
    found = explain("Número equivocado", CONTEXTUAL)

    assert found.evidence() == {
        "intent": "OPT_OUT",
        "keyword": "NUMERO EQUIVOCADO",
        "matched_by": "PHRASE",
        "language": SPANISH,
        "rule": "es.wrong-number",
        "reason": "revocation in es: 'NUMERO EQUIVOCADO'",
        "policy": "CONTEXTUAL",
    }


def test_a_language_that_is_off_is_not_read() -> None:
    rules = KeywordRules([LANGUAGES[ENGLISH].keywords])

    assert rules.classify_reply("Número equivocado").intent is Intent.OTHER
    assert rules.classify_reply("wrong number").intent is Intent.OPT_OUT


IGNORABLE = st.integers(0, len(DEFAULT_IGNORABLE) - 1).flatmap(
    lambda i: st.integers(*DEFAULT_IGNORABLE[i]).map(chr)
)


@settings(deadline=None, max_examples=200)
@given(
    st.sampled_from(FCC_WORDS),
    st.lists(st.lists(IGNORABLE, max_size=2), min_size=12, max_size=12),
    st.sampled_from(["", " ", "!", ".", " please", " pls!", "\U0001f6d1"]),
    st.sampled_from(POLICIES),
)
def test_an_fcc_word_alone_revokes_under_both_policies_whatever_invisible_characters_it_holds(
    word: str, invisible: list[list[str]], after: str, policy: RevocationPolicy
) -> None:
    text = "".join(c + "".join(extra) for c, extra in zip(word, invisible, strict=False)) + after

    assert explain(text, policy).intent is Intent.OPT_OUT


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=40), st.sampled_from(POLICIES))
def test_any_text_gets_an_intent_and_a_reason(text: str, policy: RevocationPolicy) -> None:
    found = explain(text, policy)

    assert found.intent in Intent and found.reason and found.policy is policy


def test_contextual_reads_an_unambiguous_word_about_something_else_as_ambiguous() -> None:
    found = explain("Opt out of the office pool for me", CONTEXTUAL)

    assert (found.intent, found.rule) == (Intent.AMBIGUOUS, "ambiguous.object")
    assert found.reason and "OFFICE POOL" in found.reason
    assert explain("Opt out of the office pool for me", STRICT).intent is Intent.OPT_OUT
    for text in ["unsubscribe me from everything", "opt out of these texts", "Unsubscribe me from the list"]:
        assert explain(text, CONTEXTUAL).intent is Intent.OPT_OUT, text


@pytest.mark.parametrize(
    "text",
    [
        "I unsubscribed from their newsletter",
        "where is the unsubscribe link?",
        "how do I revoke an app's access?",
        "can you unsubscribe me from the family group chat",
        "Désabonne-toi de cette chaîne",
        "I unsubscribed you from that newsletter",
        "I unsubscribed from all those store emails",
        "Unsubscribe my husband from that newsletter",
        "Je me suis désabonné de cette chaîne YouTube",
        "I just unsubscribed from every store email",
        "I'm going to unsubscribe from that podcast",
        "Je me suis désabonnée d'une dizaine de chaînes YouTube",
        "Did you unsubscribe from the gym emails yet?",
        "She unsubscribed from the streaming thing",
        "The newspaper subscription box is full again even though I unsubscribed",
        "Unsubscribe me from the magazine, not these texts",
        "Unsubscribe me from my Netflix subscription",
        "I want to unsubscribe my daughter from the dance class",
        "Je voudrais désinscrire ma fille de la chorale",
    ],
)
def test_contextual_reads_an_unsubscribe_about_someone_elses_messages_as_ambiguous(text: str) -> None:
    assert explain(text, CONTEXTUAL).intent is Intent.AMBIGUOUS
    assert explain(text, STRICT).intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    ("text", "keyword"), [("arêtez", "ARRETEZ"), ("arrrrêt", "ARRET"), ("cesez", "CESSEZ")]
)
def test_a_long_keyword_with_its_doubled_letters_single_or_repeated_is_the_keyword(
    text: str, keyword: str
) -> None:
    found = explain(text)
    assert (found.intent, found.keyword, found.rule) == (Intent.OPT_OUT, keyword, "keyword")


@pytest.mark.parametrize(
    ("text", "keyword"), [("canselar", "CANCELAR"), ("kanselar", "CANCELAR"), ("cansel", "CANCEL")]
)
def test_a_long_keyword_spelt_as_it_sounds_is_the_keyword(text: str, keyword: str) -> None:
    found = explain(text)
    assert (found.intent, found.keyword, found.rule) == (Intent.OPT_OUT, keyword, "keyword")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Alto, no firmes nada hasta que lo lea", "ambiguous.hold-on"),
        ("Stop, wait until I read it", "ambiguous.hold-on"),
        ("Arrêtez tout, j'ai retrouvé mes clés", "ambiguous.hold-on"),
        ("Stop, I found it", "ambiguous.hold-on"),
        ("I unsubscribed by accident, can you add me back?", "ambiguous.rejoin"),
        ("Me desuscribí sin querer, vuelvan a agregarme", "ambiguous.rejoin"),
        ("J'ai fait STOP par erreur, remettez-moi sur la liste", "ambiguous.rejoin"),
        ("Je me suis désinscrite par erreur, réactivez mes alertes", "ambiguous.rejoin"),
        ("Arrêtez, vous deux !", "ambiguous.hold-on"),
    ],
)
def test_a_keyword_beside_waiting_a_thing_found_or_asking_to_be_put_back_is_ambiguous_under_contextual(
    text: str, rule: str
) -> None:
    found = explain(text, CONTEXTUAL)

    assert (found.intent, found.rule) == (Intent.AMBIGUOUS, rule)
    assert explain(text, STRICT).intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jveux plus", ("J", "VEUX", "PLUS")),
        ("jen ai marre", ("J", "EN", "AI", "MARRE")),
        ("merci darreter", ("MERCI", "D", "ARRETER")),
        ("ctait le num", ("C", "ETAIT", "LE", "NUM")),
        ("menvoyez plus", ("M", "ENVOYEZ", "PLUS")),
        ("Jai dark mood ten men", ("J", "AI", "DARK", "MOOD", "TEN", "MEN")),
    ],
)
def test_a_french_elision_written_without_its_apostrophe_is_parted(
    text: str, expected: tuple[str, ...]
) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Unsubscribe me and don't put me back on", "Stop, and don't resubscribe me", "Unsubscribe my number"],
)
def test_a_revocation_word_that_refuses_to_be_put_back_still_revokes(text: str) -> None:
    for policy in POLICIES:
        assert explain(text, policy).intent is Intent.OPT_OUT, policy


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Estop porfa", "STOP"),
        ("Stopé", "STOP"),
        ("rmv pls", "REMOVE"),
        ("Désabon", "DESABONNER"),
        ("DESINSCR", "DESINSCRIRE"),
        ("désincrivez-moi svp", "DESINSCRIRE"),
        ("unscribe me pls", "UNSUBSCRIBE"),
    ],
)
def test_a_keyword_misspelt_as_its_speakers_write_it_or_cut_short_is_the_keyword(
    text: str, keyword: str
) -> None:
    found = explain(text)
    assert (found.intent, found.keyword) == (Intent.OPT_OUT, keyword)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("stopmessaging", "STOP MESSAGING"),
        ("pleasestoptexting", "PLEASE STOP TEXTING"),
        ("dejendemandarme", "DEJEN DE MANDARME"),
        ("nomasmensajesporfavor", "NO MAS MENSAJES PORFAVOR"),
        ("gracias yanomemanden", "YA NO ME MANDEN"),
        ("jeveuxplusdesms", "JE VEUX PLUS DE SMS"),
        ("removemynumber", "REMOVE MY NUMBER"),
    ],
)
def test_a_short_reply_of_known_words_run_together_is_read_parted(text: str, read: str) -> None:
    for policy in POLICIES:
        found = explain(text, policy)
        assert found.intent is Intent.OPT_OUT, policy
        assert found.reason and f"as {read}" in found.reason


@pytest.mark.parametrize(
    "text",
    ["Stopwatch", "endgame tonight", "quitters never win", "Thanksgiving plans?", "Cancelaron el tren"],
)
def test_a_word_that_only_begins_with_a_keyword_is_not_parted(text: str) -> None:
    """The rules do not part it (the reply model's own reading aside)."""
    for policy in POLICIES:
        found = KeywordRules(policy=policy, second_opinion=False).classify_reply(text)
        assert found.intent is not Intent.OPT_OUT, policy
        assert "reading" not in (found.reason or ""), policy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("take me offff", "en.off-the-list"),
        ("leave me alooone", "en.leave-me-alone"),
        ("dejenme en paaaz", "es.leave-me-alone"),
        ("foutez-moi la paiiix", "fr.leave-me-alone"),
    ],
)
def test_a_letter_held_down_reads_as_the_word_the_rules_know(text: str, rule: str) -> None:
    for policy in POLICIES:
        assert explain(text, policy).rule == rule, policy


TENTH_AND_ELEVENTH_PARTS_IN_OTHER_WORDS = [
    ("Can you turn all the reminder texts off please", "en.stop-messages"),
    ("How do I turn your promo alerts off?", "en.stop-messages"),
    ("We withdraw our permission to be texted, thanks", "en.withdraw-consent"),
    ("You don't have my permission to message me", "en.withdraw-consent"),
    ("I would rather not receive reminders via SMS", "en.do-not-want"),
    ("Your alerts are no longer welcome here", "en.do-not-want"),
    ("not trying to hear from you anymore", "en.do-not-want"),
    ("Please forget you ever had this number", "en.remove-number"),
    ("No more customer surveys please", "en.do-not-want"),
    ("Tell me what to text back so we stop receiving your alerts", "en.how-to-stop"),
    ("how can I get off this list", "en.off-the-list"),
    ("we want off your text list", "en.off-the-list"),
    ("please stop sending these to my phone", "en.their-line"),
    ("He passed in May, please stop texting him", "en.their-line"),
    ("My dad doesn't use this number now, take him off", "en.their-line"),
    ("Keep it up and I will block and report you", "en.block-or-report"),
    ("No queremos más encuestas", "es.do-not-want"),
    ("Ya no queremos recibir encuestas, gracias", "es.do-not-want"),
    ("Sus mensajes no son bienvenidos aquí", "es.do-not-want"),
    ("Tengo demasiados textos de ustedes, quiero que cesen", "es.do-not-want"),
    ("Dejen de molestar con las ofertas", "es.stop-sending"),
    ("No insistan más por SMS", "es.leave-me-alone"),
    ("No tienen nuestro permiso para mandarnos nada", "es.withdraw-consent"),
    ("Sáquenme de todos sus mensajes", "es.remove-me"),
    ("Borren mi número de sus recordatorios", "es.remove-number"),
    ("¿Cómo nos salimos de esta lista?", "es.remove-me"),
    ("Suspendan el envío de promociones", "es.stop-messages"),
    ("Qué hago para que paren de mandarme esto", "es.stop-sending"),
    ("Ya no necesito las ofertas por mensaje", "es.do-not-want"),
    ("No al spam", "es.stop-messages"),
    ("Je n'ai plus besoin de vos alertes promo par SMS", "fr.do-not-want"),
    ("Je ne veux plus de questionnaires de satisfaction", "fr.no-need"),
    ("Ce numéro est celui de ma mère, arrêtez de lui écrire", "fr.their-line"),
    ("Effacez notre numéro", "fr.remove-number"),
    ("Je demande la suppression de mes données", "fr.remove-number"),
    ("Le numéro que vous avez n'est pas le bon, effacez-le", "fr.remove-it"),
    ("Ne nous recontactez plus", "fr.do-not-send"),
    ("Non aux pubs par texto", "fr.do-not-send"),
    ("Cessez immédiatement l'envoi de messages", "fr.do-not-send"),
    ("Je vais bloquer votre numéro", "fr.do-not-send"),
    ("Trop de SMS. Coupez-les", "fr.stop-messages"),
    ("So many texts from you guys. Please make them stop", "en.make-it-stop"),
    ("I want them to stop. Too many texts", "en.make-it-stop"),
    ("Quiero salirme de esto", "es.remove-me"),
    ("Never entered your draw. Unsubscribe me from whatever this is", "word"),
    ("Vous n'avez pas ma permission de me contacter", "fr.withdraw-consent"),
]


SHORT_AND_NON_FLUENT_REVOCATIONS = [
    ("Not interested, thanks", "en.not-interested"),
    ("no thanks not interested", "en.not-interested"),
    ("I not interest", "en.not-interested"),
    ("No estoy interesada, gracias", "es.not-interested"),
    ("No hace falta escribir a este número", "es.no-need"),
    ("Ça m'intéresse pas merci", "fr.not-interested"),
    ("dnt text me again", "en.do-not-text"),
    ("You're blocked", "en.block-or-report"),
    ("Enough with the sale alerts", "en.stop-messages"),
    ("Is there a way to not get these alerts?", "en.how-to-stop"),
    ("Please make these texts stop coming", "en.make-it-stop"),
    ("I am his nurse. Mr. Lee cannot read, please stop texting him", "en.their-line"),
    ("My husband doesn't want your alerts", "en.their-line"),
    ("I'd like my father to be removed from your mailing list", "en.remove-me"),
    ("can we get removed off this", "en.remove-me"),
    ("No need to message this phone again", "en.no-need"),
    ("pls no text me anymore", "en.do-not-text"),
    ("No ads on my phone please", "en.do-not-text"),
    ("We won't accept marketing texts", "en.do-not-want"),
    ("I not want get this anymore", "en.do-not-want"),
    ("Take off my number", "en.remove-number"),
    ("No me interesa, gracias", "es.not-interested"),
    ("Adiós, ya no", "es.not-interested"),
    ("¿Cuántas veces les digo que no?", "es.not-interested"),
    ("Bloqueado", "es.block-or-report"),
    ("Me voy a quejar con PROFECO si siguen", "es.block-or-report"),
    ("Oye ya párenle", "es.stop-imperative"),
    ("Bórrame ya", "es.remove-me"),
    ("No molestar", "es.remove-me"),
    ("Qué tengo que hacer para no recibir más promociones", "es.how-to-stop"),
    ("Le escribo de parte de mi esposo, no le envíen más", "es.their-line"),
    ("Mi abuela ya no quiere sus mensajes", "es.their-line"),
    ("No queremos seguir siendo parte de su lista", "es.do-not-want"),
    ("No acepto publicidad por mensaje", "es.do-not-want"),
    ("No me interesa nada de lo que ofrecen", "es.do-not-want"),
    ("Pídale a su gerente que no me escriban más", "es.do-not-send"),
    ("Pas intéressé", "fr.not-interested"),
    ("J'en veux plus merci", "fr.not-interested"),
    ("J'voudrais plus recevoir ça", "fr.do-not-want"),
    ("Ôtez-nous de là, on veut rien savoir", "fr.remove-number"),
    ("Retirez-moi de la liste des promotions", "fr.remove-number"),
    ("Comment faire pour que vos messages cessent ?", "fr.how-to-stop"),
    ("Je suis la fille de Mme Roy, ne lui envoyez plus rien", "fr.their-line"),
    ("Ne leur écrivez plus, je suis la tutrice de Mme Roy", "fr.their-line"),
    ("Numéro bloqué", "fr.block-or-report"),
    ("Je vais porter plainte auprès de la CNIL", "fr.block-or-report"),
    ("Je n'accepte pas les SMS publicitaires", "fr.do-not-want"),
    ("Je ne veux plus faire partie de votre liste", "fr.do-not-want"),
    ("Dites à votre directeur de ne plus m'envoyer de messages", "fr.do-not-send"),
    ("jveu plus de sms", "fr.no-more-messages"),
    ("Pus de textos svp", "fr.no-more-messages"),
]
"""Families found missing by the unseen parts heldout-12 (short replies to marketing and alerts) and
heldout-13 (non-fluent and upset writers), in wordings of their own: a bare "not interested" or
"blocked", asking how to not receive them, a line spoken for by a relative or carer ("ne lui envoyez
plus", "no le envíen más"), being taken off, not accepting texts, the sender's boss told ("pídale a su
gerente que..."), and non-fluent wording ("I not want get", "pls no text me", "jveu plus")."""


INDIRECT_REVOCATIONS_IN_OTHER_WORDS = [
    ("Five texts today, this is spam", "en.too-many-texts"),
    ("Enough. You have texted me daily for a month", "en.too-many-texts"),
    ("you keep flooding my phone with promos", "en.too-many-texts"),
    ("cinco mensajes al día, esto es acoso", "es.too-many-texts"),
    ("párenle al spam ya", "es.too-many-texts"),
    ("c'est du harcèlement, 5 messages par jour", "fr.too-many-texts"),
    ("I'm going to report you as spam", "en.block-or-report"),
    ("Reported this number as junk", "en.block-or-report"),
    ("Ya los voy a bloquear", "es.block-or-report"),
    ("Je vous ai bloqué", "fr.block-or-report"),
    ("je vais vous signaler aux autorités", "fr.block-or-report"),
    ("I'm on the national do not call registry", "en.do-not-call"),
    ("Estoy en el registro de no llamar", "es.do-not-call"),
    ("Je suis inscrit sur Bloctel", "fr.do-not-call"),
    ("Don't use my cell for promotions", "en.do-not-use-number"),
    ("No utilicen mi celular para promociones", "es.do-not-use-number"),
    ("Olvídense de mi número", "es.do-not-use-number"),
    ("Ningún contacto a mi celular", "es.do-not-use-number"),
    ("No me pidan dinero por este medio", "es.do-not-use-number"),
    ("N'utilisez plus mon portable pour vos offres", "fr.do-not-use-number"),
    ("Plus aucun contact sur mon portable", "fr.do-not-use-number"),
    ("Please don't send anything else to my phone", "en.do-not-text"),
    ("ok don't send any more", "en.do-not-text"),
    ("I am asking you not to text me again", "en.do-not-text"),
    ("I prefer not to be texted", "en.do-not-text"),
    ("Ne nous réécrivez plus", "fr.do-not-send"),
    ("N'en envoyez plus svp", "fr.do-not-text"),
    ("je voulais pu rien recevoir de vous autres", "fr.do-not-text"),
    ("Je ne veux ni vos offres ni vos SMS", "fr.do-not-text"),
    ("Cessez avec cette histoire d'assurance", "fr.do-not-text"),
    ("There's no reason to text me", "en.no-need"),
    ("No point in texting this house anymore", "en.no-need"),
    ("No need for your coupons", "en.no-need"),
    ("No tiene sentido que me sigan escribiendo", "es.no-need"),
    ("Inutile de nous relancer", "fr.no-need"),
    ("I want it out of your records", "en.remove-me"),
    ("who gave you my number? it's on some list, get me off it", "en.remove-me"),
    ("es su número, bórrenlo", "es.remove-me"),
    ("Borren su número por favor", "es.remove-me"),
    ("tercer mensaje de la semana, sáquenme de ahí", "es.remove-me"),
    ("C'est son portable, supprimez-le", "fr.remove-me"),
    ("Effacez son numéro svp", "fr.remove-number"),
    ("This is the last message I want to receive from you", "en.last-text"),
    ("I closed my account so the alerts can go too", "en.last-text"),
    ("Di de baja la tarjeta, así que sus mensajes también", "es.no-need"),
    ("J'ai fermé mon compte, donc vos SMS aussi", "fr.no-need"),
    ("No more texts from the dentist office please", "en.no-more-texts"),
    ("Quit sending me your political junk", "en.no-more-texts"),
    ("stop with all the spam", "en.stop-messages"),
    ("I want your alerts to end", "en.no-more-texts"),
    ("Stop the daily deal alerts", "en.no-more-texts"),
    ("Quit messaging my son's phone", "en.no-more-texts"),
    ("No further contact at this number", "en.no-more-texts"),
    ("No queremos publicidad", "es.no-advertising"),
    ("Pido la baja de sus mensajes", "es.no-advertising"),
    ("No estamos interesados", "es.not-interested"),
    ("Nous n'acceptons pas la prospection", "fr.no-advertising"),
    ("Pas de publicité merci", "fr.no-advertising"),
    ("Pas intéressée", "fr.not-interested"),
    ("Gardez vos offres", "fr.no-advertising"),
    ("pas de SMS ici svp", "fr.no-advertising"),
]
"""Indirect revocations found missing by the unseen parts ``heldout-14`` and ``heldout-15``, each in
wordings of its own: complaints about how many texts, blocking or reporting, the do-not-call list,
not using this number, no reason to text, the last text wanted, the messages ending with something
cancelled, refusing advertising, a relative's line taken off, "not interested"."""


@pytest.mark.parametrize(
    "text",
    [
        "I'll meet you at the Oak St stop",
        "Get off at the 5th Ave stop",
        "How do I end a subscription on Android?",
        "¿Cómo cancelo una suscripción de Netflix?",
        "Por fin!! Terminé los exámenes. Por fin",
        "Ya llegué, por fin",
        "Can you turn the lights off",
        "I'd rather not get pizza again",
        "I withdraw my permission for Jake to go on the trip",
        "so I stop getting headaches",
        "how do I get off this highway",
        "I want off this ride lol",
        "Merci de me retirer du groupe de foot",
        "No insistas, no voy a ir",
        "Keep it up, you're doing great",
        "Stop the car",
        "Please stop the music",
        "Non au nucléaire",
        "Mon frère a changé de numéro, supprime-le",
        "Les garçons, arrêtez de vous battre",
        "The dog is barking nonstop. Make it stop",
        "Vous n'avez pas mon accord pour publier la photo",
        "Niños, dejen de pelear",
    ],
)
def test_street_stops_a_subscription_por_fin_and_near_wordings_are_not_taken_under_contextual(
    text: str,
) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is not Intent.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "stop, no spoilers!",
        "Alto, no me digas el final",
        "Arrête, ne me raconte pas la fin",
        "Ok stop, funniest thing ever",
        "Do the coupons stop working on Sunday?",
        "Did the coupons end yesterday?",
        "Stop texting me lol",
        "Haha ok. Stop texting me",
        "Hahaha. Stop texting me about the game, I haven't watched it yet",
    ],
)
def test_contextual_holds_a_stop_beside_a_spoiler_amusement_or_laughter_and_coupons_that_stop(
    text: str,
) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is Intent.AMBIGUOUS


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("cancle", "CANCEL"),
        ("Dar de vaja", "DAR DE BAJA"),
        ("dnt txt me", "DONT TXT ME"),
        ("stip", "STOP"),
        ("SGOP", "STOP"),
        ("Wtop", "STOP"),
        ("stob", "STOP"),
    ],
)
def test_a_misspelling_of_a_short_reply_reads_as_the_word(text: str, keyword: str) -> None:
    for policy in POLICIES:
        found = explain(text, policy)
        assert (found.intent, found.keyword) == (Intent.OPT_OUT, keyword), policy


@pytest.mark.parametrize("text", ["I heard it on WTOP this morning", "the STOL aircraft landed", "Alti dijo"])
def test_a_keyboard_slip_is_read_only_as_a_whole_reply(text: str) -> None:
    for policy in POLICIES:
        assert explain(text, policy).intent is not Intent.OPT_OUT, policy


@pytest.mark.parametrize(
    "text", ["Plus besoin d'être contacté", "Plus besoin de recevoir quoi que ce soit", "Plus besoin de rien"]
)
def test_no_more_need_of_contact_or_of_anything_is_still_read_by_the_model(text: str) -> None:
    assert explain(text).intent is Intent.OPT_OUT


REVOCATIONS_OF_THE_SIXTEENTH_PART_IN_OTHER_WORDS = [
    ("arrte", "keyword"),
    ("Arrtez svp", "keyword"),
    ("cncelar porfa", "keyword"),
    ("prar ya", "keyword"),
    ("Cancelar las alertas de la clínica", "es.stop-messages"),
    ("Suspender mensajes de la óptica gracias", "es.stop-messages"),
    ("¿Nos pueden quitar de las promociones de la tienda?", "es.remove-me"),
    ("me podrían sacar de los avisos del banco", "es.remove-me"),
    ("cómo se sale uno de sus alertas", "es.remove-me"),
    ("Ya no me sirve, no le manden nada a este número", "es.do-not-send"),
    ("Cessez de m'en envoyer", "fr.do-not-send"),
    ("Arrêtez de nous en écrire svp", "fr.do-not-send"),
    ("Mon fils a 9 ans, ne lui envoyez rien svp", "fr.do-not-send"),
    ("Mettez-nous en dehors de vos envois", "fr.remove-me"),
    ("Sortez-moi hors de cette liste svp", "fr.remove-me"),
    ("Comment on bloque vos textos?", "fr.how-to-stop"),
    ("Je reçois ça chaque matin. Comment je bloque ça?", "fr.how-to-stop"),
]
"""Revocations found missing by ``heldout-16``, each in wordings of its own: a keyword with one vowel
left out as texting drops it, a terse infinitive "stop the messages of <the sender>", taken off the
reminders or a list with the pronoun before the verb, asking how one leaves the list or stops what
one receives, "don't send her anything", "stop sending me any"."""


RECLAIMED_REVOCATIONS_IN_OTHER_WORDS = [
    ("I told you no, why do you keep sending these?", "en.said-no"),
    ("Les dijimos que no. ¿Por qué siguen?", "es.said-no"),
    ("Ya le dije a su compañero que no. ¿Por qué me siguen llegando avisos?", "es.said-no"),
    ("Je vous ai dit non, pourquoi vous continuez à m'écrire ?", "fr.said-no"),
    ("ya pueden pararle", "es.you-can-stop"),
    ("Pueden dejar los avisos, gracias", "es.you-can-stop"),
    ("Vous pouvez cesser maintenant", "fr.you-can-stop"),
    ("No tienen por qué llamarme", "es.no-need"),
    ("Il n'y a aucune raison de continuer à nous relancer", "fr.no-need"),
    ("I'd appreciate it if you could stop texting us", "en.formal-request"),
    ("Nous souhaiterions ne plus être contactés", "fr.do-not-want"),
    ("I object to receiving your marketing texts", "en.object"),
    ("Me opongo a recibir sus promociones", "es.object"),
    ("Je m'oppose aux SMS publicitaires", "fr.object"),
    ("Non plus jamais merci", "fr.never-again"),
    ("Contáctenme por correo electrónico, no por SMS", "es.another-channel"),
    ("Écrivez-moi par courrier, pas par SMS", "fr.another-channel"),
    ("Ma grand-mère est décédée, plus de rappels du cabinet", "fr.their-line"),
    ("Mi celular es nuevo, no le manden nada a la señora", "es.their-line"),
    ("Repito: BAJA", "es.repeat-keyword"),
    ("J'ai déjà envoyé STOP. Je répète : STOP", "fr.repeat-keyword"),
    ("Me voy a quejar con PROFECO si siguen", "es.block-or-report"),
    ("Nel, bórrenme de ahí", "es.remove-me"),
    ("Bórrenme de su lista de una vez", "es.off-the-list"),
    ("Esto es spam", "es.spam"),
    ("nomore texts", "en.no-more-messages"),
    ("Please do not call me on this number", "en.do-not-use-number"),
    ("I'm done receiving your promos", "en.done-getting"),
    ("Remove my number from your marketing campaigns", "en.remove-number"),
]
"""Revocations found missing by the unseen part ``heldout-17``, each in wordings of its own: a refusal
repeated with "why do you still", "you can stop", no reason to write, a formal request or objection,
never again, another channel asked for, an owner gone or a number new, a keyword repeated, a report
to an authority, taken off "from there" or "once and for all", spam, done getting them."""

REVOCATIONS_OF_THE_EIGHTEENTH_PART_IN_OTHER_WORDS = [
    ("No more coupons, thanks", "en.no-more-messages"),
    ("Ya no quiero sus cupones", "es.do-not-want"),
    ("Plus de coupons svp", "fr.no-more-messages"),
    ("Deactivate all the alerts please", "en.stop-messages"),
    ("Apague todas las notificaciones", "es.stop-messages"),
    ("Desactiven los recordatorios por favor", "es.stop-messages"),
    ("Désactivez les notifications svp", "fr.stop-messages"),
    ("Éteignez toutes les alertes", "fr.stop-messages"),
    ("Déjeme en paz con su publicidad", "es.leave-me-alone"),
    ("Fichez-nous la paix avec votre solaire", "fr.leave-me-alone"),
    ("Lâchez-moi avec vos histoires d'assurance", "fr.leave-me-alone"),
    ("De baja porfa", "es.unsubscribe"),
    ("Dénme de baja gracias", "es.unsubscribe"),
    ("Non arrêtez", "fr.stop-imperative"),
    ("Non merci arrête tout", "fr.stop-imperative"),
    ("Not interested, I already have one", "en.not-interested"),
    ("Not interested thanks, we're all set", "en.not-interested"),
    ("No me interesa, ya tengo paneles", "es.not-interested"),
    ("No estoy interesado, gracias, ya compramos casa", "es.not-interested"),
    ("Pas intéressé, je suis locataire", "fr.not-interested"),
    ("Ça m'intéresse pas, j'ai déjà un déménageur", "fr.not-interested"),
    ("You called and texted twice today. Enough", "en.enough"),
    ("You guys called, emailed and texted. Neither please", "en.enough"),
    ("Me llaman y me escriben todos los días, ya no", "es.enough"),
    ("Me mandaron tres mensajes hoy, ni uno ni otro", "es.enough"),
    ("Vous m'avez écrit trois fois cette semaine. Ça suffit", "fr.enough"),
    ("Vous appelez tous les jours, c'est assez", "fr.enough"),
    ("Pa ekri mwen ankò souple", "fr.do-not-send"),
    ("Pa rele m ankò", "fr.do-not-send"),
    ("Retírenme", "es.remove-me"),
    ("Por favor retírenme, ya no vivo aquí", "es.remove-me"),
    ("No estoy trabajando. No me escriban", "es.do-not-send"),
    ("Nope. Not interested. Bye", "en.not-interested"),
    ("No gracias. No me interesa. Adiós", "es.not-interested"),
    ("Non merci, pas intéressée, bonne journée", "fr.not-interested"),
    ("We no longer need your services", "en.no-need"),
    ("Ya no necesitamos sus servicios", "es.no-need"),
    ("On a plus besoin de vos services", "fr.no-need"),
    ("I'm no longer a customer", "en.never-signed-up"),
    ("Je ne suis plus cliente", "fr.never-signed-up"),
    ("I never bought tickets from you", "en.never-signed-up"),
    ("I have never used your company", "en.never-signed-up"),
    ("Nunca he usado su servicio", "es.never-signed-up"),
    ("Jamais fait affaire avec vous", "fr.never-signed-up"),
    ("Me di de baja hace un mes y todavía me mandan promos", "es.unsubscribe"),
    ("This is harassment", "en.pestering"),
    ("Esto ya es acoso", "es.pestering"),
    ("C'est du harcèlement", "fr.pestering"),
    ("How many times do I have to tell you no", "en.said-no"),
    ("Cuántas veces tengo que decirles que no", "es.said-no"),
    ("Combien de fois faut-il vous dire non", "fr.said-no"),
    ("Je vous ai déjà dit non", "fr.said-no"),
    ("Not interested in your solar panels", "en.not-interested"),
    ("No estoy interesada en sus boletos", "es.not-interested"),
    ("Pas intéressé par vos billets", "fr.not-interested"),
    ("Vos panneaux m'intéressent pas", "fr.not-interested"),
    ("Laissez tomber, je suis pas intéressé", "fr.not-interested"),
    ("J'ai pas demandé ça", "fr.never-signed-up"),
    ("No more estimates please", "en.no-more-messages"),
    ("Ya no quiero más cotizaciones", "es.do-not-want"),
    ("Plus de devis svp", "fr.no-more-messages"),
    ("Envoyez-moi plus rien sur les billets", "fr.do-not-send"),
    ("Écrivez-moi plus svp", "fr.do-not-send"),
    ("Pedí que me quitaran hace un mes", "es.remove-me"),
    ("Ya pedí que me dieran de baja", "es.remove-me"),
    ("J'ai demandé à être retiré le mois dernier", "fr.remove-me"),
    ("Pourquoi vous m'appelez toujours à 8h?", "fr.pestering"),
]
"""Revocations found missing by ``heldout-18``, each in wordings of its own: coupons as the messages,
alerts turned off, "leave me alone with your ..." said to the business (usted, vous), a bare "de baja"
or "non, arrêtez", not interested with a reason of one's own, "enough" after a complaint of calls and
texts, Haitian Creole "don't write me any more", "retírenme", "I'm not ..." that is not busy, not
interested between no and bye, no longer needing the services, no longer or never a customer, and
unsubscribed already yet still sent to, harassment, how many times must one say no, not interested in
the sender's offer, "I didn't ask for this" in French."""


@pytest.mark.parametrize(
    ("text", "keyword"), [("aret", "ARRET"), ("aret svp", "ARRET"), ("remvoe", "REMOVE")]
)
def test_a_keyword_cut_short_or_with_two_letters_swapped_is_the_keyword(text: str, keyword: str) -> None:
    found = explain(text)

    assert (found.intent, found.keyword) == (Intent.OPT_OUT, keyword), found.reason


@pytest.mark.parametrize(
    "text",
    [
        "I moved lol. Cancel the alerts",
        "Sold the house haha. Stop these messages please",
        "Stop — I moved",
        "Stop - not my house anymore",
        "Arrêtez \u2013 j'ai déménagé",
    ],
)
def test_contextual_takes_a_word_about_the_messages_after_laughter_or_a_dash_in_an_earlier_sentence(
    text: str,
) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    "text",
    ["unsubscribe me from your sister's email list lol", "Opt me out of your dad's fantasy league"],
)
def test_contextual_reads_your_relatives_list_as_someone_elses(text: str) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is Intent.AMBIGUOUS


def test_contextual_still_reads_your_texts_as_the_senders() -> None:
    assert explain("unsubscribe me from your texts", RevocationPolicy.CONTEXTUAL).intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Let me know if you want to cancel, no pressure",
        "If you want to stop, tell me",
        "if u want to quit, fine",
    ],
)
def test_contextual_holds_a_word_on_the_readers_condition(text: str) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is Intent.AMBIGUOUS


NINETEENTH_PART_IN_OTHER_WORDS = [
    ("Is there any way to stop receiving these?", "en.how-to-stop"),
    ("What should I reply to end the texts?", "en.how-to-stop"),
    ("¿Qué contesto para que ya no me lleguen?", "es.how-to-stop"),
    ("Qu'est-ce que je dois écrire pour que ça arrête?", "fr.how-to-stop"),
    ("Je réponds quoi pour arrêter?", "fr.how-to-stop"),
    ("Ease up on the messages", "en.fed-up"),
    ("Give it a rest with the texts", "en.fed-up"),
    ("Ya dejen los textos", "es.fed-up"),
    ("Ya no me manden esas porquerías", "es.do-not-send"),
    ("Lâchez les textos svp", "fr.fed-up"),
    ("Laissez faire les messages", "fr.fed-up"),
    ("I am not a customer", "en.never-signed-up"),
    ("I've never been your client", "en.never-signed-up"),
    ("Je suis pas client", "fr.never-signed-up"),
    ("Je suis plus votre cliente depuis l'an passé", "fr.never-signed-up"),
    ("You shouldn't be texting me", "en.do-not-send"),
    ("You're not supposed to message me", "en.do-not-send"),
    ("No deberían mandarme mensajes", "es.do-not-send"),
    ("Vous devriez pas me texter", "fr.do-not-send"),
    ("Il faudrait pas m'écrire", "fr.do-not-send"),
    ("Envoyez-moi pu rien", "fr.do-not-send"),
    ("Tanpri sispann rele m", "fr.stop-sending"),
    ("Kanpe voye mesaj", "fr.stop-sending"),
    ("Pa kontakte m ankò", "fr.do-not-send"),
    ("M pa vle resevwa tèks nou yo", "fr.do-not-send"),
    ("Wete nimewo m sou lis nou", "fr.remove-number"),
    ("Salirme de aquí porfa", "es.off-the-list"),
    ("Salir por favor", "es.off-the-list"),
    ("Vamos a reportar este número", "es.block-or-report"),
    ("Blocked, never again", "en.block-or-report"),
    ("Bloqueada. Nunca más", "es.block-or-report"),
    ("Bloqué, jamais plus", "fr.block-or-report"),
    ("⛔ textos", "es.no-more-messages"),
    ("❌ messages", "en.no-more-messages"),
    ("Alto pue", "keyword"),
    ("Mwen pa vle mesaj ankò", "fr.do-not-send"),
    ("Tanpri pa voye anyen ankò", "fr.do-not-send"),
    ("Ase voye mesaj", "fr.stop-sending"),
    ("Dezabone nou nan lis la", "fr.remove-me"),
    ("Kite m anpè", "fr.leave-me-alone"),
    ("M pa janm enskri pou sa", "fr.never-signed-up"),
    ("Sa se move nimewo", "fr.wrong-number"),
    ("I'm good on the texts", "en.do-not-want"),
    ("We're fine without your messages thanks", "en.do-not-want"),
    ("No more, I'm begging you", "en.enough"),
    ("Ya no más, se los ruego", "es.enough"),
    ("Assez. Je vous en supplie", "fr.enough"),
    ("Stop messaging my mom, she doesn't know what these are", "en.their-line"),
    ("Stop calling my dad, this number is his", "en.their-line"),
    ("Finna block y'all", "en.block-or-report"),
    ("Don't blow up my phone no more", "en.block-or-report"),
    ("Nobody asked for these", "en.never-signed-up"),
    ("Hush on the messages", "en.fed-up"),
    ("Tanpri sispann", "fr.stop-imperative"),
    ("Mwen fatige avek tèks sa yo", "fr.fed-up"),
    ("Pa janm voye m anyen ankò", "fr.do-not-send"),
    ("Wete m tanpri", "fr.remove-me"),
    ("Textez-moi pu svp", "fr.do-not-send"),
    ("Enlevez-moi de vot' liste", "fr.remove-number"),
    ("Qué ladilla con tantos mensajes", "es.fed-up"),
    ("Fuera con sus textos", "es.fed-up"),
    ("Ya párenle", "es.stop-imperative"),
    ("Párenla ya", "es.stop-imperative"),
    ("Nada más de textos, gracias", "es.no-more-messages"),
    ("Por favor sáquenme", "es.remove-me"),
    ("Get out of here with all these messages", "en.fed-up"),
    ("C'est gossant vos textos", "fr.fed-up"),
    ("Tanpri wete m", "fr.remove-me"),
    ("Mwen pa te mande mesaj sa yo", "fr.never-signed-up"),
    ("Pa voye tèks ban nou ankò", "fr.do-not-send"),
    ("Arrêtez hein", "keyword"),
    ("Abeg stop", "keyword"),
    ("No sigan con esto por favor", "es.do-not-send"),
]
"""Revocations found missing by ``heldout-19``, each in wordings of its own: asking what to reply or how
to stop getting them, "chill/lay off the texts" and "dejen los mensajes", not a customer, "you shouldn't
be texting me" / "faut pas m'envoyer", Haitian Creole (sispann voye, pa ekri m ankò, pa vle mesaj,
retire nimewo m, dezabone m, kite m anpè, pa janm enskri, move nimewo), "I'm good on the texts",
"no more, I'm begging", "stop texting my mom" beside "these", "salir", a threat to block the number,
blocked and never again, ❌ or ⛔ before the messages, "pues", "finna block y'all", "don't hit my line",
"nobody asked for this", "écrivez-moi pu", "vot' liste", "qué ladilla con los mensajes", "párenle",
"c'est gossant vos textos"."""


NUMBERS_THAT_CHANGED_HANDS_AND_NOT_ONE_MORE = [
    ("This number belongs to someone else now", "en.wrong-number"),
    ("Update your records, this isn't Maria's phone", "en.wrong-number"),
    ("this phone is no longer hers", "en.wrong-number"),
    ("This isn't Tom's number anymore", "en.wrong-number"),
    ("Ce numéro n'est plus le mien", "fr.wrong-number"),
    ("Ce portable n'est plus celui de votre client", "fr.wrong-number"),
    ("Ce téléphone appartient maintenant à quelqu'un d'autre", "fr.wrong-number"),
    ("Ni un mensaje más por favor", "es.no-more-messages"),
    ("ya ni un solo mensaje más", "es.no-more-messages"),
]
"""A number now someone else's, said of the phone or the number ("no longer hers", "n'est plus le
mien", "appartient à quelqu'un d'autre"), and "ni un mensaje más"."""


TWENTY_FIRST_PART_IN_OTHER_WORDS = [
    ("I'm going to complain to Ofcom about these texts", "en.block-or-report"),
    ("Reporting you to the ICO", "en.block-or-report"),
    ("One more and I'm reporting this to the data protection people", "en.block-or-report"),
    ("Te denuncio en la AEPD como sigas", "es.block-or-report"),
    ("Voy a poner una queja en PROFECO por tanto mensaje", "es.block-or-report"),
    ("Si siguen mandando los denuncio", "es.block-or-report"),
    ("Otro mensaje más y los reporto", "es.block-or-report"),
    ("Si vous continuez je porte plainte", "fr.block-or-report"),
    ("Un SMS de plus et je vais porter plainte", "fr.block-or-report"),
    ("Je vais porter plainte à la CNIL", "fr.block-or-report"),
    ("Je vous signale au 33700", "fr.block-or-report"),
    ("No more thanks", "keyword"),
    ("Stop, cheers", "keyword"),
    ("no no more", "en.no-more-messages"),
    ("No no más por favor", "es.no-more-messages"),
    ("Email me instead, not by text anymore", "en.another-channel"),
    ("Por aquí no más, gracias", "es.another-channel"),
    ("Por este medio ya no, llámenme", "es.another-channel"),
    ("Ya no por SMS, mejor al correo", "es.another-channel"),
    ("Écrivez-moi par mail, plus par SMS merci", "fr.another-channel"),
    ("I'm blocking the number", "en.block-or-report"),
    ("Voy a bloquear este número", "es.block-or-report"),
    ("On bloque votre numéro", "fr.block-or-report"),
    ("Please don't keep texting me", "en.do-not-send"),
    ("No sigas escribiéndome", "es.do-not-send"),
    ("Nunca me continúen enviando esto", "es.do-not-send"),
    ("Ne continuez pas à m'envoyer ça", "fr.do-not-send"),
    ("Ne me recontactez plus", "fr.do-not-send"),
    ("Me borra de la lista por favor", "es.off-the-list"),
    ("Nos sacan de esos mensajes, gracias", "es.remove-me"),
    ("Sáquenme de la lista de la fundación", "es.remove-me"),
    ("Cinco mensajes esta semana. Baja", "es.unsubscribe"),
    ("No me interesa, baja por favor", "es.unsubscribe"),
    ("No a la publicidad", "es.stop-messages"),
    ("J'ai déjà dit non aux SMS de votre boutique", "fr.no-more-messages"),
    ("Arrête de m'écrire stp", "fr.stop-sending"),
    ("Arrêtes tes textos", "fr.stop-sending"),
    ("Arrête de nous envoyer vos pubs", "fr.stop-sending"),
]
"""Revocations found missing by ``heldout-21`` (speakers outside the US), each in wordings of its own:
a complaint to a named regulator (Ofcom, ICO, AEPD, INDECOPI, CNIL, 33700) or a threat if more come,
"cheers", "ta", "mate", "che", "wesh", "frère" as politeness, "no no más", blocking the number, "don't
keep texting" / "no sigáis mandando" / "ne continuez pas", "me quita de la lista", "por aquí ya no",
"Baja." after a complaint, informal "arrête de m'envoyer" / "arrête tes SMS", "me réécrivez plus", "non
aux pubs" inside a sentence."""


@pytest.mark.parametrize(
    "text",
    [
        "J'ai écrit stop par erreur, remettez mes messages svp",
        "I replied stop by accident, resubscribe me",
        "D'où viennent ces textos? Expliquez-moi",
        "¿Qué es esto? Explíquenme",
        "I'm not a member of that gym anymore",
        "je suis pas cliente chez eux",
        "Pa enkyete w, m ap rele w ankò demen",
        "Dejé los mensajes en la mesa",
        "M pa vle manje kounye a",
        "I'm good on time, see you at 5",
        "Borra las fotos pero deja los mensajes",
        "There's no way to stop getting older lol",
        "Quiero salir",
        "Is there a way to stop getting these headaches?",
        "I'm good on the texts you sent me, thanks for the info",
        "Il faut pas m'appeler après 21h",
        "No deberían llamarme tan tarde",
        "Voy a bloquear ese número del spam",
        "Blocked him. Never again",
        "J'ai bloqué mon ex, plus jamais",
        "I'm not a member but I can come as a guest",
        "Stop texting my sister, she's studying for these exams",
        "Mwen pa vle mesaj li yo ankò",
        "Lâchez les messages et venez souper",
        "Párale, me haces reír",
        "Fuera de aquí con esos memes jaja",
        "Nada más de postre para mí",
        "No sigan así, chicos",
        "No deben mandarme la factura por correo",
        "Il faut pas m'envoyer la facture, je l'ai",
        "We're good on the promo, thanks we already used it",
        "M pa bezwen SMS sa a, mwen te resevwa l deja",
        "Sispann voye foto sa yo ban m lol",
        "Qué lata con los mensajes de mi mamá",
        "Dehors avec les messages du groupe",
        "Pa rele m ankò jodi a, m okipe",
        "Get out of here with those texts lol you're crazy",
        "Stop texting my girlfriend",
        "No more puns, I'm begging you",
        "Don't hit my line tonight, I'm sleeping",
        "Écrivez-moi plus souvent",
        "Envoyez-moi plus de détails",
        "Ce numéro n'est pas à jour",
        "Arrêtez tout ce bruit",
        "Stop I'm almost there",
        "stop I can't wait for Friday",
        "stop I never said that",
        "Stop I'm not ready yet",
        "Cancel I already paid",
        "quit I never liked that job anyway",
        "Stop who is coming tonight",
        "stop who are you bringing to the party",
        "Stop I don't want it to end",
        "Stop I told you so",
        "stop I dont know who won the game",
        "So you quit I told you it was bad",
        "Cancelar por favor mi cita de mañana",
        "Annulez svp la commande",
        "Alto por favor el volumen",
        "Fin merci pour la soirée",
        "Arrête, tu me fais rire",
        "This phone is not his fault",
        "Is this Maria's phone?",
        "no me mandó ni un mensaje más",
        "Stop, you're making me jealous with that beach pic",
        "Stop! You made me cry with that video",
        "Arrête, tu me donnes envie avec ce gâteau",
        "Alto, me estás dando hambre",
        "I complained to Ofcom about my broadband last year",
        "No quiero que me cobren la entrega, ¿es gratis?",
        "Me di de baja de Vodafone para irme a Orange",
        "La marea está baja hoy",
        "La temperatura no baja, sigo con fiebre",
        "Je bloque le numéro de mon ex",
        "Arrête de m'envoyer des memes lol",
        "Quítame de la lista de mi hermana",
        "No more please, I'm full!",
        "No más, gracias, estoy lleno",
        "Encore un retard et je porte plainte",
        "Otro mensaje de mi jefe, lo reporto a RRHH",
        "Arrête d'écrire n'importe quoi dans le groupe",
        "She wants to unsubscribe from the yoga studio emails",
        "They tried to unsubscribe from that streaming thing",
        "J'ai enfin désabonné toutes les newsletters des boutiques",
        "I finally unsubscribed all those store newsletters",
        "I don't have the time anymore",
        "I don't live with my parents anymore",
        "ya no tengo tiempo para eso",
        "ya no vivo con mi hermana",
        "j'ai plus le temps ce soir",
        "J'ai plus de savon, t'en apportes?",
        "j'ai quitté le club de lecture",
        "Écrivez plus souvent, ça me fait plaisir",
        "on a quitté la soirée tôt",
        "I sold my bike today!",
        "no more pizza for me thanks",
        "get me off this plane",
        "I'm no longer a member of the book club lol",
        "I moved to Texas",
        "les dije alto y siguen corriendo",
        "sácame de aquí que me aburro jaja",
        "sortez-moi de ce bouchon",
        "J'ai résilié mon abonnement de gym, je n'utilise plus le vélo",
        "Me di de baja de Claro, me cambié de compañía",
    ],
)
def test_near_wordings_about_something_else_are_not_taken_under_contextual(text: str) -> None:
    """Wordings near the rounds' revocations about something else, a lone stop of someone moved, an
    unsubscribe that is someone else's or from someone else's mail."""
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is not Intent.OPT_OUT


IN_THE_CUSTOMERS_OWN_WAY = [
    ("I would prefer if you didn't message me", "en.rather-not"),
    ("I'd prefer it if you stopped texting me", "en.rather-not"),
    ("Preferiría no recibirlos más", "es.rather-not"),
    ("Je préférerais que vous ne me contactiez pas", "fr.rather-not"),
    ("Je préférerais ne plus les recevoir", "fr.rather-not"),
    ("There's no need for you to keep texting me", "en.no-need"),
    ("No hace falta que me sigan escribiendo", "es.no-need"),
    ("No es necesario que me manden nada", "es.no-need"),
    ("Nobody asked for these texts. Make them stop", "en.make-it-stop"),
    ("Quién me apuntó a estos mensajes? Que paren", "es.make-it-stop"),
    ("Encore ces SMS... Faites que ça s'arrête", "fr.make-it-stop"),
    ("Do I need to change my number so you quit?", "en.how-to-stop"),
    ("¿Qué hago para que ya no lleguen estas alertas?", "es.how-to-stop"),
    ("¿Tengo que cambiar mi número para que paren?", "es.how-to-stop"),
    ("Y a moyen de plus recevoir ça ?", "fr.how-to-stop"),
    ("Il faut que je change de numéro pour que vous cessiez ?", "fr.how-to-stop"),
    ("My wife asked me to tell you: stop texting her these", "en.their-line"),
    ("Mi mamá me pidió decirles que ya no le escriban", "es.their-line"),
    ("Por favor no le manden a este celular", "es.their-line"),
    ("Ce portable est à ma fille, merci de ne pas lui écrire", "fr.their-line"),
    ("Ma femme m'a demandé de vous dire d'arrêter de lui écrire", "fr.their-line"),
    ("Pass on your promos, thanks", "en.the-texts-can-go"),
    ("Las promociones ya no, gracias", "es.the-texts-can-go"),
    ("Leave my phone alone", "en.leave-number-alone"),
    ("Dejen mi celular en paz", "es.leave-number-alone"),
    ("Laissez ce portable tranquille", "fr.leave-number-alone"),
    ("One more message from you and I'm blocking this number", "en.block-or-report"),
    ("Otro mensaje y los reporto", "es.block-or-report"),
    ("Encore un message de plus et je bloque", "fr.block-or-report"),
    ("We already told you to stop twice", "en.pestering"),
    ("Esto es acoso", "es.pestering"),
    ("Franchement c'est du harcèlement", "fr.pestering"),
    ("Retirez-moi juste, merci", "fr.remove-me"),
    ("Je veux juste plus ces notifications", "fr.do-not-send"),
    ("please no sms", "en.no-more-messages"),
    ("How do I go about not receiving any alerts anymore?", "en.do-not-want"),
    ("Sus promociones ya no las quiero, los mensajes no los quiero", "es.do-not-want"),
    ("Favor de borrarlo de sus contactos, ya falleció", "es.remove-me"),
    ("Merci de la supprimer de vos contacts", "fr.remove-number"),
    ("Vous pouvez le retirer de votre fichier clients ?", "fr.remove-number"),
    ("Je ne veux pas que vous me contactiez", "fr.do-not-send"),
]


TWENTIETH_PART_IN_OTHER_WORDS = [
    ("We changed dentists", "en.no-longer-customer"),
    ("i switched carriers last year", "en.no-longer-customer"),
    ("I don't shop there anymore", "en.no-longer-customer"),
    ("we no longer own that truck anymore", "en.no-longer-customer"),
    ("don't drive the jeep any more thanks", "en.no-longer-customer"),
    ("sold it last spring", "en.no-longer-customer"),
    ("we sold the boat so please stop", "en.no-longer-customer"),
    ("moved away last year", "en.no-longer-customer"),
    ("take me off the appointment reminders", "en.off-the-list"),
    ("kick us off your promo texts", "en.remove-me"),
    ("no more dental cleaning reminders thanks", "en.no-more-messages"),
    ("quit the gym, no more class alerts please", "en.no-more-messages"),
    ("I texted STOP last week and you're still texting me", "en.said-no"),
    ("closed my account in june and still getting these", "en.said-no"),
    ("the rx is my brother's, stop texting it to this number", "en.stop-sending"),
    ("\U0001f4f5", "keyword"),
    ("we went with another bank", "en.no-longer-customer"),
    ("I'm no longer a patient there", "en.no-longer-customer"),
    ("i no longer shop there", "en.no-longer-customer"),
    ("we moved out of state last year", "en.no-longer-customer"),
    ("Ya cambié de farmacia", "es.no-longer-customer"),
    ("ya no tenemos esa camioneta", "es.no-longer-customer"),
    ("ya no uso su aplicación", "es.no-longer-customer"),
    ("ya no vivo en esa dirección", "es.no-longer-customer"),
    ("vendimos la casa por favor", "es.no-longer-customer"),
    ("nos mudamos", "es.no-longer-customer"),
    ("no más por favor", "keyword"),
    ("no nos envíen esos a este número", "es.do-not-use-number"),
    ("nos cambiamos de aseguradora", "es.no-longer-customer"),
    ("dije STOP ayer y todavía me llegan", "es.said-no"),
    ("sácanos de esta cosa por favor", "es.remove-me"),
    ("Nous n'avons vendu le camion", "fr.no-longer-customer"),
    ("j'ai changé de pharmacie", "fr.no-longer-customer"),
    ("je n'habite plus à cette adresse", "fr.no-longer-customer"),
    ("j'utilise plus ce service", "fr.no-longer-customer"),
    ("on a déménagé l'été dernier", "fr.no-longer-customer"),
    ("textez plus jamais", "fr.do-not-send"),
    ("envoyez plus ces rappels", "fr.do-not-send"),
    ("pas de promos par texto merci", "fr.no-more-messages"),
    ("je suis à Lyon maintenant plus d'alertes svp", "fr.no-more-messages"),
    ("nous avons déménagé en juin", "fr.no-longer-customer"),
    ("je vous ai dit STOP hier et je reçois encore des messages", "fr.said-no"),
    ("j'ai fermé mon compte, vous m'écrivez toujours", "fr.said-no"),
    ("enlevez-moi de tout ça svp", "fr.remove-me"),
]
"""A customer no longer theirs and the twentieth part's other ideas, in other wordings (en/es/fr)."""


TWENTY_THIRD_PART_IN_OTHER_WORDS = [
    ("Call me instead of texting please", "en.another-channel"),
    ("Can you email me instead of sending texts", "en.another-channel"),
    ("I don't read texts, just call me", "en.another-channel"),
    ("I'm fine with calls but no texts from now on", "en.another-channel"),
    ("Mándenme correo en vez de mensajes", "es.another-channel"),
    ("Llámenme en lugar de mandarme mensajes", "es.another-channel"),
    ("No leo los mensajes de texto, mejor llámenme", "es.another-channel"),
    ("Envoyez-moi un courriel au lieu de m'envoyer des textos", "fr.another-channel"),
    ("Appelez-moi au lieu de m'écrire", "fr.another-channel"),
    ("Je ne lis pas les SMS, appelez-moi", "fr.another-channel"),
    ("Quit it before I report you", "en.threat"),
    ("Stop now or I'm calling my lawyer", "en.threat"),
    ("Paren o los denuncio", "es.threat"),
    ("Ya basta o llamo a mi abogado", "es.threat"),
    ("Arrêtez sinon je porte plainte", "fr.threat"),
    ("Cessez ou j'appelle mon avocat", "fr.threat"),
    ("Remove my number from the school notices", "en.remove-me"),
    ("Take me off the parking notices", "en.off-the-list"),
    ("Quítenme de los avisos de la escuela", "es.remove-me"),
    ("Den de baja mi número por favor", "es.remove-number"),
    ("Retirez-moi des avis de l'école", "fr.remove-number"),
    ("Enlevez mon numéro de la liste", "fr.remove-number"),
    ("This is my kid's phone, don't text it", "en.their-line"),
    ("This is my daughter's cell, please don't message her", "en.their-line"),
    ("C'est le téléphone de ma fille, ne lui écrivez plus", "fr.their-line"),
    ("send them to my wife instead, not to me", "en.their-line"),
    ("manden los avisos a mi esposa y ya no a mí", "es.their-line"),
    ("envoyez les rappels à mon mari et plus au mien", "fr.their-line"),
    ("stop texting me at midnight", "en.stop-sending"),
    ("no more appointment reminders to my phone please", "en.no-more-messages"),
    ("no more coupons going forward", "en.no-more-messages"),
    ("que paren ya por favor", "es.stop-imperative"),
    ("qu'ils arrêtent svp", "fr.stop-imperative"),
    ("il faut arrêter maintenant svp", "fr.stop-imperative"),
    ("faut que ça arrête svp", "fr.stop-imperative"),
    ("arrêtez tout de suite svp sérieux", "fr.stop-imperative"),
    ("fo arrêter merci", "fr.stop-imperative"),
    ("Paper bills only please, no text messages", "en.another-channel"),
    ("I prefer calls, not texts", "en.another-channel"),
    ("Comment on fait pour que ça arrête?", "fr.how-to-stop"),
    ("Je fais comment pour ne plus les recevoir?", "fr.how-to-stop"),
    ("arrête maintenant stp sérieux", "fr.stop-imperative"),
    ("paren ya en serio", "es.stop-imperative"),
    ("pa que paren ya", "es.stop-imperative"),
    ("How do I make these texts stop", "en.make-it-stop"),
    ("porfa ya no", "es.no-more-messages"),
    ("ya basta, no más", "es.no-more-messages"),
    ("Cómo le hago para ya no recibir esos?", "es.how-to-stop"),
    ("Que me quitéis de una vez", "es.remove-me"),
    ("ke paren ya porfa", "es.stop-imperative"),
    ("ke ya no me manden", "es.do-not-send"),
    ("mèsi, pa voye rapèl ankò", "fr.do-not-send"),
    ("stol", "keyword"),
    ("altp", "keyword"),
    ("bajs", "keyword"),
    ("arreg", "keyword"),
    ("\u26d4", "keyword"),
    ("\U0001f6ab \U0001f6ab \U0001f6ab", "keyword"),
]
"""The twenty-third part's ideas in other wordings (en/es/fr): another channel instead of the texts, a
stop with a threat, off the notices, a child's phone, not to mine, the bare wish that they stop,
texting spellings and keyboard slips of the keywords, a reply of prohibited signs."""


@pytest.mark.parametrize(
    "text",
    [
        "Don't text my son, he's sleeping",
        "Tell my wife, not me",
        "ya no a mi hermano",
        "Call me instead of the office",
        "I'll call you later, no texts from him yet",
        "have a good weekend",
        "I got the kit",
        "Je rebooke le vol demain",
        "Estoy tratando de dejar de fumar, no me manden fotos de pasteles",
        "Stop before you hit the curb",
        "Qu'ils arrêtent de crier, je dors pas",
    ],
)
def test_the_twenty_third_parts_rules_leave_other_talk_alone(text: str) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is not Intent.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Je veux résilier le panier bio, mais les SMS je les garde",
        "Je résilie la carte fidélité. Les SMS de promo ça me va par contre",
        "Plus de livraisons de box, les SMS sont utiles par contre",
        "Los mensajes me sirven, lo que no quiero es la revista",
    ],
)
def test_a_reply_that_keeps_the_messages_is_settled_without_the_model(text: str) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is Intent.OTHER


TWENTY_FOURTH_PART_IN_OTHER_WORDS = [
    ("Please discontinue sending texts to this number", "en.cease"),
    ("kindly terminate texting this phone", "en.stop-messages"),
    ("you can email me but no texts please", "en.another-channel"),
    ("mándenme correo pero sin mensajes", "es.no-more-messages"),
    ("llámenme en vez de mandar mensajes", "es.another-channel"),
    ("par mail au lieu des sms svp", "fr.no-more-messages"),
    ("je suis à jour, pas de SMS en plus", "fr.no-more-messages"),
    ("I told you stop three times already", "en.pestering"),
    ("i've texted STOP like 4 times", "en.pestering"),
    ("ya les dije alto 3 veces", "es.pestering"),
    ("puse baja como mil veces", "es.pestering"),
    ("je vous ai dit stop plusieurs fois", "fr.pestering"),
    ("j'ai dit stop point", "fr.pestering"),
    ("this is a work phone, remove it", "en.their-line"),
    ("This is a company cell please stop", "en.their-line"),
    ("este es un teléfono de trabajo, quítenlo", "es.their-line"),
    ("es un celular corporativo, bórrenlo", "es.their-line"),
    ("c'est un téléphone pro, retirez-le", "fr.their-line"),
    ("quit texting me those appointment reminders", "en.stop-sending"),
    ("pls stop my phone keeps going off", "en.make-it-stop"),
    ("enough, my phone won't stop buzzing", "en.make-it-stop"),
    ("dejen de saturarme el celular", "es.make-it-stop"),
    ("ya no me llenen el whatsapp de promos", "es.make-it-stop"),
    ("arrêtez de saturer mon téléphone", "fr.make-it-stop"),
    ("stop please I'm begging you", "en.begging"),
    ("no más plis te lo suplico", "es.begging"),
    ("plus jamais svp pitié 😂", "fr.begging"),
    ("I refuse your text messages", "en.refuse"),
    ("I don't do texts", "en.another-channel"),
    ("rechazo sus mensajes", "es.refuse"),
    ("no uso mensajes de texto, llámenme", "es.another-channel"),
    ("je refuse vos textos", "fr.refuse"),
    ("je n'utilise jamais les sms", "fr.another-channel"),
    ("me siguen llegando, ya no los quiero", "es.do-not-want"),
    ("ya no ocupo sus recordatorios", "es.do-not-want"),
    ("ya no nos envíen eso por favor", "es.do-not-send"),
    ("écris-moi plus", "fr.do-not-send"),
    ("merci de plus nous contacter", "fr.do-not-send"),
    ("no more propaganda please", "en.no-more-messages"),
    ("basta de propaganda", "es.no-more-messages"),
    ("paren su propaganda", "es.stop-messages"),
    ("j'sais pas qui vous êtes mais arrêtez", "fr.stop-imperative"),
    ("no sé quién eres pero ya paren", "es.stop-imperative"),
    ("ya que paren", "es.stop-imperative"),
    ("arrêtez sérieusement", "fr.stop-imperative"),
    ("número nuevo, ya no es de Ana, bórrenlo", "es.remove-it"),
    ("c'est un nouveau numéro, supprimez-le", "fr.remove-it"),
    ("I'll file an FCC complaint if you text again", "en.block-or-report"),
    ("one more text and it's a TCPA complaint", "en.block-or-report"),
    ("kitenme de sus mensajes", "es.off-the-list"),
    ("sakame de la lista porfa", "es.off-the-list"),
    ("como le hago p q ya no me manden mensajes", "es.do-not-send"),
    ("yaaa no mas", "es.no-more-messages"),
    ("send me paper statements instead", "en.another-channel"),
    ("by mail instead", "en.another-channel"),
    ("mándenme todo por correo mejor", "es.another-channel"),
    ("envoyez-moi un courrier à la place", "fr.another-channel"),
    ("par mail plutôt svp", "fr.another-channel"),
]
"""Heldout-24's ideas in other wordings: texting spellings (k for qu/c, p q), another channel instead
of texts, a stop said many times, a work or minor's line, a flooded phone, begging, refusing texts."""


@pytest.mark.parametrize(
    "text",
    ["ok stop là merci", "stop là svp", "opt me out of the coupon stuff", "désabonnez-moi des trucs promo"],
)
def test_contextual_takes_stop_la_and_an_unsubscribe_from_the_senders_stuff(text: str) -> None:
    """'Là' after STOP ends the request ('stop la musique' keeps its object); 'stuff', 'trucs' are the
    sender's messages by no name."""
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "I said stop 3 times but he kept tickling me",
        "je lui ai dit stop 3 fois mais il continue",
        "can you help me unsubscribe grandma's email from all that junk",
        "stop la musique",
        "unsubscribe me from the gym",
        "I sent stop by mistake, I want to keep getting the reminders",
        "j'ai mis stop par erreur, je veux continuer à recevoir les rappels",
    ],
)
def test_a_stop_said_to_someone_else_or_their_mail_unsubscribed_is_not_taken_under_contextual(
    text: str,
) -> None:
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is not Intent.OPT_OUT


TWENTY_FIFTH_PART_IN_OTHER_WORDS = [
    ("Please no longer send me the newsletter", "en.do-not-send"),
    ("Kindly no longer send us the weekly specials", "en.do-not-send"),
    ("Don't send me the school notices anymore", "en.do-not-send"),
    ("Please do not send us the menu any more", "en.do-not-send"),
    ("Por favor ya no me manden el boletín", "es.do-not-send"),
    ("Ya no me envíen las ofertas de la semana", "es.do-not-send"),
    ("Ya no nos manden nada, gracias", "es.do-not-send"),
    ("No me manden más cupones", "es.do-not-send"),
    ("Ya no me pidan donativos", "es.do-not-send"),
    ("No quiero recibir más", "es.do-not-want"),
    ("No gracias, no queremos recibir nada más", "es.do-not-want"),
    ("No deseo recibir más, gracias", "es.do-not-want"),
    ("No quiero que me manden más", "es.do-not-want"),
    ("Stop asking me for money", "en.stop-asking"),
    ("Please stop asking us for donations every month", "en.stop-asking"),
    ("Stop begging me for contributions", "en.stop-asking"),
    ("Stop the donation requests please", "en.stop-asking"),
    ("Stop your fundraising appeals", "en.stop-asking"),
    ("Stop all the requests for money, thanks", "en.stop-asking"),
    ("Dejen de pedirme dinero", "es.stop-asking"),
    ("Paren de pedirnos donaciones", "es.stop-asking"),
    ("Paren la campaña por favor", "es.stop-asking"),
    ("Detengan las solicitudes de donación", "es.stop-asking"),
    ("Paren sus peticiones de dinero", "es.stop-asking"),
    ("Arrêtez de me demander de l'argent", "fr.stop-asking"),
    ("Cessez de nous demander des dons", "fr.stop-asking"),
    ("Arrêtez de quémander de l'argent", "fr.stop-asking"),
    ("Arrêtez la campagne svp", "fr.stop-asking"),
    ("Cessez cette campagne de dons", "fr.stop-asking"),
    ("Remove me from the pharmacy list", "en.remove-me"),
    ("Take me off the doctor's office list", "en.off-the-list"),
    ("Please remove me from the church list", "en.remove-me"),
    ("Bájenme de la lista de la farmacia", "es.remove-me"),
    ("Por favor sáquenme de la lista de donaciones", "es.remove-me"),
    ("Quítenme de la lista del consultorio dental", "es.remove-me"),
    ("Retirez-moi de la liste de la pharmacie", "fr.remove-me"),
    ("Retirez-moi de la liste des dons svp", "fr.remove-me"),
    ("Enlevez-moi de la liste du cabinet dentaire", "fr.remove-me"),
    ("Supprimez-nous de la liste de la clinique", "fr.remove-me"),
    ("No need for the class schedule by text anymore", "en.no-need"),
    ("Ya no necesitamos el horario por mensaje", "es.no-need"),
    ("Plus besoin de l'horaire des cours par texto", "fr.no-need"),
    ("Je n'ai plus besoin des rappels", "fr.no-need"),
    ("Plus besoin des alertes merci", "fr.no-need"),
    ("Plus de promotions sur ce portable merci", "fr.no-more-messages"),
    ("Plus de textos sur ce téléphone", "fr.no-more-messages"),
    ("STOP I closed my account last year", "en.no-longer-customer"),
    ("Alto ya cancelé el plan", "es.no-longer-customer"),
    ("Basta ya cancelé la cuenta hace meses", "es.no-longer-customer"),
    ("Stop j'ai annulé mon adhésion au gym", "fr.no-longer-customer"),
    ("Stop texting me your crap", "en.stop-sending"),
    ("Stop messaging us your propaganda", "en.stop-sending"),
    ("Stop wasting your money texting me", "en.stop-sending"),
    ("Stop wasting your time messaging me, I vote elsewhere", "en.stop-sending"),
    ("Dejen de gastar su dinero mandándome mensajes", "es.stop-sending"),
    ("Paren de gastar tiempo escribiéndome", "es.stop-sending"),
    ("Arrêtez de gaspiller votre argent à m'écrire", "fr.stop-sending"),
    ("Cessez de gaspiller votre temps à nous texter", "fr.stop-sending"),
    ("Stop or I'm filing a complaint", "en.block-or-report"),
    ("Stop texting me or I will report you to the attorney general", "en.block-or-report"),
    ("STOP or we will sue", "en.block-or-report"),
    ("Tell your agent to stop texting me", "en.tell-them"),
    ("Tell your office not to text us", "en.tell-them"),
    ("Tell the campaign to quit calling me", "en.tell-them"),
    ("Dites au vendeur d'arrêter de m'écrire", "fr.tell-them"),
    ("Dites à votre agent de cesser de me texter", "fr.tell-them"),
    ("Dites à la clinique d'arrêter de m'appeler", "fr.tell-them"),
    ("No thank you please remove", "en.remove-me"),
    ("No thanks remove", "en.remove-me"),
    ("Nope please remove me", "en.remove-me"),
]
"""Heldout-25's ideas in other wordings: no longer send me anything, no more wanted with no noun, stop
asking for money or the campaign, off a list named for the sender's purpose, no need for the texts, STOP
with a cancelled membership, a threat or the sender's junk, telling the sender's agent to stop."""


TWENTY_SIXTH_PART_THREATS_AND_FOR_GOOD = [
    ("I will file a complaint if you don't stop", "en.block-or-report"),
    ("I'm calling my lawyer if these don't stop", "en.block-or-report"),
    ("reporting you to the attorney general if this doesnt stop", "en.block-or-report"),
    ("si no paran con los mensajes pongo una denuncia", "es.block-or-report"),
    ("si no dejan de escribirme voy a poner una queja", "es.block-or-report"),
    ("si vous n'arrêtez pas, je porte plainte", "fr.block-or-report"),
    ("je vais voir un avocat si ces messages ne cessent pas", "fr.block-or-report"),
    ("estoy manejando, no me escriban más por favor", "es.do-not-send"),
    ("I'm working and you keep texting, don't text me anymore", "en.do-not-text"),
    ("je travaille, ne m'écrivez plus", "fr.do-not-send"),
]
"""A threat to complain unless the messages stop; a busy writer who asks for no more, for good."""


ROUNDS_SIX_AND_SEVEN_IN_OTHER_WORDS = [
    ("Stop point à la ligne", "keyword"),
    ("stop point d'exclamation", "keyword"),
    ("arrêt point à la ligne", "keyword"),
    ("baja punto final", "keyword"),
    ("cancelar punto", "keyword"),
    ("stop punto y aparte", "keyword"),
    ("STOP full stop new line", "keyword"),
    ("stop period period", "keyword"),
    ("stop with the casino bonuses", "en.stop-messages"),
    ("enough with your free bets", "en.stop-messages"),
    ("Stop the bonus offers please", "en.stop-messages"),
    ("stop avec les paris gratuits", "fr.stop-messages"),
    ("cessez vos free bets", "fr.stop-messages"),
    ("arrêtez vos bonus svp", "fr.stop-messages"),
    ("paren con las apuestas gratis", "es.stop-messages"),
    ("basta de bonos", "es.stop-messages"),
    ("paren sus bonos por favor", "es.stop-messages"),
    ("whoever keeps texting me these coupons I don't want them", "en.do-not-want"),
    ("you keep sending these every day and I do not want them anymore", "en.do-not-want"),
    ("u keep texting me this stuff I dont want any of these", "en.do-not-want"),
    ("vous continuez à m'envoyer ces trucs je n'en veux pas", "fr.do-not-want"),
    ("vous continuez de m'écrire tous les jours je n'en veux plus", "fr.do-not-want"),
    ("qui que ce soit qui continue à m'envoyer ça je n'en veux pas", "fr.do-not-want"),
    ("quien me sigue mandando estos ya paren tengo 90 no los quiero", "es.do-not-want"),
    ("remove my dad from your reminders", "en.their-line"),
    ("please remove him from the appointment texts", "en.their-line"),
    ("remove my mom from all the promos", "en.their-line"),
]
"""A keyword with dictated punctuation after it, STOP said to a promotion's own nouns, whoever keeps
sending what is not wanted, a relative removed from the messages."""

REQUEST_FORMS_AND_ADDRESS = [
    ("hey bro para ya con los mensajes", "es.no-more-messages"),
    ("oye wey ya no me manden nada", "es.do-not-send"),
    ("salut mec arrêtez de m'écrire", "fr.stop-sending"),
    ("Vous pourriez me retirer de vos envois ?", "fr.remove-number"),
    ("Agradecería que dejasen de enviarme publicidad", "es.stop-sending"),
    ("Les agradecería que no me escribieran más", "es.do-not-send"),
    ("Ya se los dije, BAJA. Quiero mi baja", "keyword-sentence"),
    ("Pedí la baja ayer. Baja.", "keyword-sentence"),
    ("I've blocked your number", "en.block-or-report"),
    ("ya te bloqueé", "es.block-or-report"),
    ("je vous ai bloquées", "fr.block-or-report"),
    ("pierda mi número", "es.remove-number"),
    ("perdez mon numéro svp", "fr.remove-number"),
    ("Arrêtez ça suffit", "fr.stop-imperative"),
    ("dejen de mandar mensajes ya basta", "es.stop-sending"),
    ("My mother no longer wishes to receive these texts", "en.do-not-want"),
    ("mi papá ya no quiere recibir esto", "es.do-not-want"),
    ("ya no las envíen", "es.do-not-send"),
    ("estoy en el trabajo y no paran de sonar, ya no me escriban", "es.do-not-send"),
    ("Estoy en clase y el cel no para de vibrar, dejen de mandar", "es.stop-sending"),
    ("jajaja es el cel de mi abuela, ya paren", "es.stop-imperative"),
    ("¿Qué parte de ALTO no entienden?", "es.repeat-keyword"),
    ("what part of stop texting me don't you get", "en.said-no"),
    ("forwarding this to 7726", "en.block-or-report"),
    ("this is spam, reported", "en.block-or-report"),
    ("get me outta this text list", "en.off-the-list"),
    ("please take my number off the gym's class list texts", "en.off-the-list"),
    ("Je retire toute autorisation d'envoi de SMS", "fr.withdraw-consent"),
    ("pas besoin de m'envoyer vos promos", "fr.no-need"),
    ("les SMS me saoulent, désactivez-les sur ce numéro", "fr.stop-messages"),
    ("bon ben arrêtez", "fr.stop-imperative"),
    ("envoyez plus vos pubs", "fr.do-not-send"),
    ("sáquenlos de mi número, esos mensajes", "es.remove-number"),
    ("I'm opting out of the church text list", "en.opt-me-out"),
    ("sent this to 7726", "en.block-or-report"),
]
"""A greeting or a form of address before a request, a question in statement order, the Spanish past
subjunctive of a polite request, BAJA repeated as its own sentence, a block in the past, "lose my
number", "enough" after a request, someone else's no longer wishing, a busy writer's "no longer" or
phone that keeps going off, laughter beside words said only to the sender (whose line this is, who
gave the number), "what part of STOP", the carriers' spam number, a list's texts, consent withdrawn,
spoken French without NE (heldout-27 and heldout-28, in other wordings)."""


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        *FAMILIES_IN_OTHER_WORDS,
        *TENTH_AND_ELEVENTH_PARTS_IN_OTHER_WORDS,
        *SHORT_AND_NON_FLUENT_REVOCATIONS,
        *INDIRECT_REVOCATIONS_IN_OTHER_WORDS,
        *REVOCATIONS_OF_THE_SIXTEENTH_PART_IN_OTHER_WORDS,
        *RECLAIMED_REVOCATIONS_IN_OTHER_WORDS,
        *REVOCATIONS_OF_THE_EIGHTEENTH_PART_IN_OTHER_WORDS,
        *NINETEENTH_PART_IN_OTHER_WORDS,
        *NUMBERS_THAT_CHANGED_HANDS_AND_NOT_ONE_MORE,
        *TWENTY_FIRST_PART_IN_OTHER_WORDS,
        *IN_THE_CUSTOMERS_OWN_WAY,
        *TWENTIETH_PART_IN_OTHER_WORDS,
        *TWENTY_THIRD_PART_IN_OTHER_WORDS,
        *TWENTY_FOURTH_PART_IN_OTHER_WORDS,
        *TWENTY_FIFTH_PART_IN_OTHER_WORDS,
        *TWENTY_SIXTH_PART_THREATS_AND_FOR_GOOD,
        *ROUNDS_SIX_AND_SEVEN_IN_OTHER_WORDS,
        *REQUEST_FORMS_AND_ADDRESS,
    ],
)
def test_revocation_families_revoke_in_other_wordings_and_name_their_rule(
    policy: RevocationPolicy, text: str, rule: str
) -> None:
    """Each family of revocations a round's general rules read, in wordings other than the corpus
    rows', under both policies, with the rule that decides."""
    found = explain(text, policy)

    assert (found.intent, found.rule) == (Intent.OPT_OUT, rule), found.reason


TWENTY_SIXTH_PART_IN_OTHER_WORDS = [
    ("I prefer getting my statements by email. Stop texting them please", "contextual.about-messages"),
    ("I can't see the texts well, please stop sending them and email me", "contextual.about-messages"),
    ("I'd rather have a phone call about my appointments. Stop sending them", "contextual.about-messages"),
    ("The reminders are too small to read. Stop texting them and call me", "contextual.about-messages"),
    ("ya no deseo recibir más", "es.do-not-want"),
    ("no quiero seguir recibiendo más", "es.do-not-want"),
    ("no quiero recibir mas por favor", "es.do-not-want"),
    ("ya no me las manden", "es.do-not-send"),
    ("no nos los envíen más por favor", "es.do-not-send"),
    ("ya no me los escriban más gracias", "es.do-not-send"),
    ("Please remove me from the dental office list", "en.remove-me"),
    ("remove me from your animal shelter donation list", "en.remove-me"),
    ("remove me from the vet clinic reminder list", "en.remove-me"),
    ("remove my number from the pharmacy refill list", "en.remove-number"),
]
"""Round 7's constructions (heldout-26), in wordings other than the corpus rows'."""


@pytest.mark.parametrize(
    "text",
    [
        "STOP lol who gave you my number",
        "lmao this is my mom's phone, stop",
        "mdr c'est le tel de mon fils, stop",
    ],
)
def test_laughter_beside_words_said_only_to_the_sender_does_not_hold_a_stop_under_contextual(
    text: str,
) -> None:
    found = explain(text, RevocationPolicy.CONTEXTUAL)

    assert (found.intent, found.rule) == (Intent.OPT_OUT, "contextual.alone"), found.reason


@pytest.mark.parametrize("text", [text for text, rule in TWENTY_SIXTH_PART_IN_OTHER_WORDS])
def test_the_twenty_sixth_parts_constructions_revoke_under_contextual(text: str) -> None:
    found = explain(text, RevocationPolicy.CONTEXTUAL)

    rule = dict(TWENTY_SIXTH_PART_IN_OTHER_WORDS)[text]
    assert (found.intent, found.rule) == (Intent.OPT_OUT, rule), found.reason


@pytest.mark.parametrize(
    "text",
    [
        "Please don't send me those memes anymore lol",
        "Ya no me manden fotos del perro jaja",
        "Sáquenme de la lista de espera",
        "¿Me quitas de la lista de la comida del sábado? No llego",
        "Sácame de la lista del partido, me lesioné",
        "Bórrenme de la lista de invitados",
        "Retirez-moi de la liste des invités",
        "Retirez-moi de la liste d'attente",
        "Take me off the office party list",
        "Remove me from the church volunteer list",
        "No need for the umbrella, it stopped raining",
        "Plus besoin de parapluie",
        "Ya no necesito el carro",
        "Je me suis désabonné des courriels de la boutique enfin",
        "Stop wasting your time on him",
        "Stop or I'll tell mom",
        "Tell your brother to stop texting me",
        "Stop texting them, they're asleep",
        "I'd rather not. Stop texting them",
        "stop sending them to grandma",
        "no me los mandes a mi, mandaselos a tu hermano",
        "ya no me los manden a la casa, mejor a la oficina",
        "no quiero recibir más visitas hoy",
        "remove me from the office party list",
        "remove me from the kids soccer team list",
        "remove me from the little league team carpool list",
        "remove me from the guest list",
        "I'll call the cops if they don't stop fighting",
        "if the neighbors don't stop partying I'm calling the landlord to complain",
        "I'm driving, don't text me",
        "estoy manejando, no me escriban",
        "punto final",
        "yes period",
        "start period",
        "stop at the point",
        "the boss said no more bonus this year",
        "stop betting with your bonus money",
        "he should stop with the bets",
        "tu continues à m'envoyer des photos du chat je n'en veux pas",
        "quiero que me den de baja nada mas el plan de datos",
        "denme de baja solo la tarjeta adicional",
        "necesito que me den de baja solo el seguro, no la línea",
        "remove her from the group chat",
        "remove him from the photos",
        "Baja, te espero abajo",
        "I blocked you on insta lol",
        "estoy en el trabajo, no me escribas ahorita",
        "si vous pouvez m'appeler demain",
        "He doesn't like the new menu",
        "hey bro, para de hablar de futbol",
        "oye wey ya no me mandes memes",
        "vous pouvez arrêter de parler de foot au dîner",
        "lol stop, who's the guy in the photo",
        "what part of no don't you understand, I'm not going to the party",
        "I reported the spam email to IT",
        "take me off the guest list",
        "stop texting my personal trainer",
        "I'm opting out of the dinner party list",
        "Pas besoin de m'écrire demain, on se voit au bureau",
        "Envoyez pas les déménageurs avant midi, on emballe encore",
        "vous envoyez pas de colis le dimanche ?",
        "fin de la promo ce soir, je prends les baskets ou pas?",
        "Please remove me from the carpool schedule next week, I'm on vacation",
        "Your daily text from me, a favour this time",
        "Es muy bajo para mí",
        "Pourquoi tu continues à parler de ton ex ?",
        "Darnos de baja del club fue la mejor decisión",
        "el lunes dejarán de mandarme los recordatorios porque ya terminó el tratamiento",
        "le dije a mi mamá que me dejaran de mandar cadenas",
        "he no longer wants to get married",
        "mi novia ya no quiere",
        "Baja. La temperatura baja mañana.",
        "Basta. Basta de chistes.",
        "¿qué parte de alto no entiendes? jaja",
        "I always forward scam texts to 7726, you should too",
        "estoy en junta, ya no me escriban ahorita, luego les hablo",
        "envoyez pas les messages avant que je valide",
        "ok envoyez pas",
        "le groupe de randonnée est nul, sortez-moi de là",
        "les micros font du bruit pendant les messages, coupez-les svp",
        "c'est bon arrête",
        "je vous ai bloquée de facebook mdr",
        "its spam lol they keep sending it to my grandma. reported",
    ],
)
def test_rounds_six_and_sevens_rules_leave_other_talk_alone_under_contextual(text: str) -> None:
    """A friend's memes or photos, an everyday list, a thing no longer needed, an e-mail unsubscribed, a
    STOP to someone else, a quarrel, a busy writer for now, punctuation alone or after consent, a bonus
    between people, a baja of another product, a relative removed from something else."""
    assert explain(text, RevocationPolicy.CONTEXTUAL).intent is not Intent.OPT_OUT
