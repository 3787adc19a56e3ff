"""What the database says when it cannot do what was asked (`compliance.store.StoreError`,
`StoreBusy`): shown on the page after "De database gaf een fout:", or by the CLI."""

STRINGS: dict[str, tuple[str, str]] = {
    # ----------------------------------------------------------------- the database file
    "store.not_a_database": (
        "{file} kan niet als database worden geopend (het bestand is beschadigd, afgebroken "
        "of een ander soort bestand); zet een reservekopie terug of zet het bestand opzij.",
        "{file} cannot be opened as a database (it is damaged, cut short or another kind of "
        "file); restore it from a backup or move it aside.",
    ),
    "store.busy": (
        "Een andere import gebruikt de database {path}; wacht tot die klaar is en probeer "
        "het opnieuw.",
        "Another import is using the database {path}; wait until it has finished and try again.",
    ),
    "store.too_many_sources": (
        "De database noemt meer dan 64 bronsystemen; zet een reservekopie terug.",
        "The database names more than 64 source systems; restore it from a backup.",
    ),
    # ----------------------------------------------------------------- backups
    "store.no_database_to_back_up": (
        "Er is geen database op {path} om een reservekopie van te maken.",
        "There is no database at {path} to back up.",
    ),
    "store.no_backup_folder": (
        "De map {folder} bestaat niet; kies een bestaande map voor de reservekopie.",
        "The folder {folder} does not exist; choose an existing folder for the backup.",
    ),
    "store.no_such_backup": (
        "{file}: deze reservekopie bestaat niet.",
        "{file}: there is no such backup file.",
    ),
    "store.not_a_backup": (
        "{file} is geen reservekopie van de database van dit dashboard; kies een bestand "
        "uit data/backups.",
        "{file} is not a backup of this dashboard's database; choose a file from data/backups.",
    ),
    "store.backup_too_new": (
        "{file} komt van een nieuwere versie van AVG-toezicht; werk het programma bij "
        "voordat u deze reservekopie terugzet.",
        "{file} comes from a newer version of AVG-toezicht; update the program before "
        "restoring it.",
    ),
    "store.backup_is_database": (
        "Die reservekopie is de database zelf; kies een bestand uit data/backups.",
        "That backup is the database itself; choose a file from data/backups.",
    ),
    # ----------------------------------------------------------------- requests
    "store.no_such_request": (
        "Er is geen verzoek met nummer {n}.",
        "There is no request number {n}.",
    ),
    "store.unknown_outcome": (
        "'{outcome}' is geen uitkomst; kies beantwoord (answered) of afgewezen (rejected).",
        "'{outcome}' is not an outcome; use answered or rejected.",
    ),
    "store.rejection_needs_reason": (
        "Schrijf op waarom het verzoek is afgewezen; de aanvrager moet dat te horen krijgen.",
        "Say why the request is rejected; the requester must be told.",
    ),
    "store.date_before_received": (
        "Die datum ligt vóór de dag waarop het verzoek binnenkwam.",
        "That date lies before the day the request was received.",
    ),
    "store.already_answered": (
        "Verzoek {n} is al beantwoord.",
        "Request {n} has already been answered.",
    ),
    # ----------------------------------------------------------------- deletions
    "store.deletion_needs_evidence": (
        "Schrijf op hoe de gegevens zijn verwijderd (het bewijs) voordat u de verwijdering "
        "afvinkt.",
        "Say how the data was deleted (the evidence) before marking it done.",
    ),
    "store.nothing_to_delete": (
        "Er valt niets meer te verwijderen voor die persoon, categorie en dat systeem.",
        "Nothing left to delete for that subject, category and system.",
    ),
    # ----------------------------------------------------------------- access entries
    "store.no_such_access_entry": (
        "Die toegang staat niet (meer) in de database.",
        "That access entry is not in the database (any more).",
    ),
    "store.no_such_subject": (
        "Er is geen betrokkene met nummer {n}.",
        "There is no subject number {n}.",
    ),
    # ----------------------------------------------------------------- Google Analytics form
    "store.bad_setting": (
        "De instelling {setting} kan niet {value} zijn.",
        "The setting {setting} cannot be {value}.",
    ),
    "store.no_setting": (
        "Vul minstens één instelling in voordat u opslaat; 'onbekend' wordt niet opgeslagen.",
        "Fill in at least one setting before saving; 'unknown' is not saved.",
    ),
    "store.settings_need_reader": (
        "Vul in wie deze instellingen heeft afgelezen voordat u opslaat.",
        "Say who read these settings before saving.",
    ),
    "store.settings_in_future": (
        "De datum waarop de instellingen zijn gecontroleerd, ligt in de toekomst.",
        "The date the settings were checked lies in the future.",
    ),
    # ----------------------------------------------------------------- mail classification
    "store.choose_classes": (
        "Kies wat het bericht is: een of meer soorten verzoek, of contact of ruis.",
        "Choose what the message is: one or more request types, or contact or noise.",
    ),
    "store.unknown_class": (
        "'{cls}' is geen indeling die een bericht kan hebben.",
        "'{cls}' is not a class a message can have.",
    ),
    "store.single_class": (
        "Een bericht dat {cls} is, kan niet ook nog iets anders zijn; kies soorten verzoek, "
        "of maar één van unclear (te beoordelen), contact en noise (ruis).",
        "A message that is {cls} cannot be anything else as well; choose request types, or "
        "only one of unclear, contact and noise.",
    ),
    "store.overrule_needs_reason": (
        "Schrijf op waarom u de indeling wijzigt.",
        "Say why the classification is overruled.",
    ),
    "store.no_such_message": (
        "Er is geen binnengekomen bericht met die message-id.",
        "There is no incoming message with that message-id.",
    ),
}
