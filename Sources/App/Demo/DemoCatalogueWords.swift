/// The words customers use for the demo catalogue, in Swedish and English, and how many people one
/// unit serves, for reading inquiries (`InquiryCatalogueItem`). The seed writes them into the
/// products' `synonyms` and `capacity` and the add-ons' synonyms; staff edit them afterwards.
///
/// A generic word ("tält", "stol", "bord") belongs to every product it may mean; the extractor
/// then chooses by size, by the guests, or asks for review. A word that names one product only
/// ("barstol", "chiavari") belongs to that product alone.
extension DemoData {
    static let productWords: [String: (synonyms: [String], capacity: Int?)] = [
        "TALT-3x3": (["tält", "partytält", "tent", "party tent", "gazebo", "paviljong", "tält 3x3", "litet tält"], 9),
        "TALT-3x6": (["tält", "partytält", "tent", "party tent", "tält 3x6"], 18),
        "TALT-4x8": (["tält", "partytält", "festtält", "tent", "party tent", "marquee", "tält 4x8"], 32),
        "TALT-6x12": (["tält", "festtält", "partytält", "tent", "marquee", "party tent", "tält 6x12"], 70),
        "TALT-9x18": (["tält", "festtält", "bröllopstält", "tent", "marquee", "wedding tent", "tält 9x18"], 150),
        "TALT-12x24": (["tält", "eventtält", "festtält", "tent", "marquee", "event tent", "tält 12x24"], 280),
        "GOLV-KASS": (["golv", "kassettgolv", "tältgolv", "trägolv", "floor", "flooring", "tent floor"], nil),
        "GOLV-DANS": (["dansgolv", "dance floor", "dancefloor", "dansbana"], nil),
        "GOLV-MATTA": (["matta", "tältmatta", "heltäckningsmatta", "carpet", "matting"], nil),
        "BORD-180": (
            ["bord", "långbord", "langbord", "klaffbord", "fällbord", "table", "long table", "trestle table"], 8
        ),
        "BORD-RUND": (["runt bord", "runda bord", "rundbord", "bankettbord", "round table", "banquet table"], 10),
        "BORD-STA": (["ståbord", "barbord", "cocktailbord", "standing table", "cocktail table", "high table"], 4),
        "BORD-DUK": (["duk", "bordsduk", "dukar", "tablecloth", "table cloth", "linen"], nil),
        "STOL-VIT": (["stol", "klappstol", "fällstol", "vit stol", "vita stolar", "chair", "folding chair"], 1),
        "STOL-CHIAV": (["chiavaristol", "chiavari", "guldstol", "bröllopsstol", "chiavari chair", "gold chair"], 1),
        "STOL-BAR": (["barstol", "barpall", "bar stool", "stool", "high chair"], 1),
        "STOL-BANK": (
            ["bänkset", "ölset", "ölträdgårdsset", "bänk", "bänkar", "beer table set", "beer bench", "bench set"], 6
        ),
        "VARM-GAS": (
            ["värmare", "terrassvärmare", "gasolvärmare", "gasvärmare", "heater", "patio heater", "gas heater"], nil
        ),
        "VARM-EL": (["elvärmare", "infravärmare", "elektrisk värmare", "electric heater", "infrared heater"], nil),
        "VARM-DIESEL": (["dieselvärmare", "byggvärmare", "varmluftsaggregat", "diesel heater", "tent heater"], nil),
        "LJUS-SLINGA": (
            ["ljusslinga", "slinga", "belysning", "partyslinga", "fairy lights", "string lights", "festoon"], nil
        ),
        "LJUS-KRON": (["kristallkrona", "ljuskrona", "takkrona", "chandelier"], nil),
        "LJUS-LED": (["led-spot", "spotlight", "färgljus", "scenljus", "led spot", "uplight", "disco lights"], nil),
        "LJUS-STRAL": (["strålkastare", "arbetsljus", "fasadbelysning", "floodlight", "work light"], nil),
        "LJUD-PA-S": (
            [
                "pa", "pa-system", "ljudanläggning", "högtalare", "ljud", "litet pa", "small pa", "speakers",
                "sound system",
            ], 80
        ),
        "LJUD-PA-L": (
            [
                "pa", "pa-system", "ljudanläggning", "stort pa", "stor ljudanläggning", "large pa", "big pa",
                "sound system",
            ], 300
        ),
        "LJUD-MIK": (["mikrofon", "mick", "trådlös mikrofon", "mygga", "microphone", "wireless mic", "mic"], nil),
        "LJUD-BT": (["bluetooth-högtalare", "bluetoothhögtalare", "bärbar högtalare", "bluetooth speaker"], nil),
        "SCEN-2x1": (["scen", "scenpodie", "podie", "podium", "scendel", "stage", "riser", "stage deck"], nil),
        "SCEN-TRAPPA": (["scentrappa", "trappa", "stage stairs", "steps"], nil),
        "SCEN-KJOL": (["scenkjol", "kjol", "stage skirt", "skirting"], nil),
    ]

    static let addonWords: [String: [String]] = [
        "Leverans och hämtning Göteborg": [
            "leverans", "leverera", "levereras", "levererat", "utkörning", "transport", "frakt", "köra ut", "delivery",
            "deliver", "delivered", "transport göteborg",
        ],
        "Leverans och hämtning Västra Götaland": [
            "leverans", "leverera", "levereras", "levererat", "utkörning", "transport", "frakt", "delivery", "deliver",
            "delivered", "leverans utanför göteborg",
        ],
        "Uppställning per enhet": [
            "uppställning", "uppsättning", "ställa upp", "sätta upp", "uppbyggnad", "setup", "set up", "set-up",
            "installation",
        ],
        "Städning och disk": [
            "städning", "städ", "disk", "diskning", "slutstädning", "cleaning", "clean-up", "cleanup",
        ],
        "Montering tält per tält": [
            "montering", "tältmontering", "resa tältet", "montera", "montage", "tent setup", "tent assembly",
            "rigging",
        ],
    ]
}
