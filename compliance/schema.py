"""The database schema as ordered migrations. Applied by `compliance.store`, recorded in
`schema_migrations`; a migration is never edited once released, only followed by a new one.

What the database keeps is itself personal data, so it holds only what the dashboard needs:
names and identifiers to link one person across systems, *which* fields each system holds
(not their values), dates, and evidence. IBANs are kept as a salted hash plus a masked form.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial schema",
        """
        CREATE TABLE settings (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL
        );

        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            source VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            file_name VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_new INTEGER NOT NULL,
            rows_changed INTEGER NOT NULL,
            rows_unchanged INTEGER NOT NULL,
            rows_skipped INTEGER NOT NULL,
            warnings VARCHAR[] NOT NULL,
            status VARCHAR NOT NULL,
            error VARCHAR,
            actor VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP NOT NULL
        );

        CREATE TABLE subjects (
            id INTEGER PRIMARY KEY,
            name VARCHAR NOT NULL,
            kvk VARCHAR,
            is_company BOOLEAN,
            created_at TIMESTAMP NOT NULL,
            import_id INTEGER
        );

        -- kind: kvk | email | iban (salted hash) | name (normalised). One value, one subject.
        CREATE TABLE subject_identifiers (
            kind VARCHAR NOT NULL,
            value VARCHAR NOT NULL,
            subject_id INTEGER NOT NULL,
            source VARCHAR NOT NULL,
            PRIMARY KEY (kind, value)
        );

        -- A subject as one source system knows it: its key there, and what that system says.
        CREATE TABLE source_subjects (
            source VARCHAR NOT NULL,
            ref VARCHAR NOT NULL,
            subject_id INTEGER NOT NULL,
            name VARCHAR NOT NULL,
            inactive BOOLEAN NOT NULL,
            added_on DATE,
            modified_on DATE,
            first_import_id INTEGER NOT NULL,
            last_import_id INTEGER NOT NULL,
            PRIMARY KEY (source, ref)
        );

        CREATE TABLE records (
            id BIGINT PRIMARY KEY,
            subject_id INTEGER NOT NULL,
            category VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            ref VARCHAR NOT NULL,
            fields VARCHAR[] NOT NULL,
            basis VARCHAR,
            detail VARCHAR NOT NULL,
            source_date DATE,         -- the latest date the source shows (last contact)
            first_seen DATE NOT NULL, -- first import that held it
            last_seen DATE NOT NULL,  -- latest import that held it
            clock_start DATE,         -- the record's own end date (contract end), if known
            deleted_on DATE,
            deleted_by VARCHAR,
            deletion_evidence VARCHAR,
            first_import_id INTEGER NOT NULL,
            last_import_id INTEGER NOT NULL,
            UNIQUE (source, category, ref)
        );

        -- Linked to a subject through source_subjects (source, relation_ref) when read, so an
        -- invoice file imported before its relations file still counts once they arrive.
        CREATE TABLE invoices (
            source VARCHAR NOT NULL,
            number VARCHAR NOT NULL,
            relation_ref VARCHAR NOT NULL,
            invoice_date DATE NOT NULL,
            import_id INTEGER NOT NULL,
            PRIMARY KEY (source, number)
        );

        CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            type VARCHAR NOT NULL,
            subject_id INTEGER,
            name VARCHAR,
            email VARCHAR,
            kvk VARCHAR,
            channel VARCHAR NOT NULL,
            received_on DATE NOT NULL,
            answered_on DATE,
            extended BOOLEAN NOT NULL DEFAULT false,
            source VARCHAR NOT NULL,
            source_ref VARCHAR,
            created_at TIMESTAMP NOT NULL,
            created_by VARCHAR NOT NULL
        );

        -- Append-only: the store has no function that updates or deletes a row here.
        CREATE TABLE audit_log (
            id BIGINT PRIMARY KEY,
            "at" TIMESTAMP NOT NULL,
            actor VARCHAR NOT NULL,
            action VARCHAR NOT NULL,
            detail VARCHAR NOT NULL
        );
        """,
    ),
    (
        2,
        "mailbox messages, classification overrules, request outcomes",
        """
        -- One e-mail from a mailbox export: metadata and classification, never its text or
        -- attachments. sent_at is local time (Europe/Amsterdam).
        CREATE TABLE messages (
            message_id VARCHAR PRIMARY KEY,
            sent_at TIMESTAMP NOT NULL,
            sender VARCHAR NOT NULL,
            recipients VARCHAR[] NOT NULL,
            subject VARCHAR NOT NULL,
            direction VARCHAR NOT NULL,      -- inbound | outbound | internal
            counterpart VARCHAR,             -- the outside address
            classification VARCHAR NOT NULL, -- by the policy's [mail] rules, at import
            matched VARCHAR[] NOT NULL,      -- why: the phrases and rules that matched
            in_reply_to VARCHAR,
            refs VARCHAR[] NOT NULL,         -- In-Reply-To and References
            metadata_only BOOLEAN NOT NULL,  -- message trace: classified by subject only
            first_import_id INTEGER NOT NULL,
            last_import_id INTEGER NOT NULL
        );

        -- The owner's classification of a message, kept across re-imports (by message-id).
        CREATE TABLE message_overrules (
            message_id VARCHAR PRIMARY KEY,
            classification VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            actor VARCHAR NOT NULL,
            "at" TIMESTAMP NOT NULL
        );

        -- What became of a request besides its answer date: rejected or answered with a
        -- note, extended (and when the requester was told), answered by a mailbox reply.
        CREATE TABLE request_outcomes (
            request_id INTEGER PRIMARY KEY,
            outcome VARCHAR,                 -- answered | rejected; NULL while open
            note VARCHAR,
            extended_on DATE,                -- the day the requester was told of the extension
            extension_note VARCHAR,
            answer_message_id VARCHAR,       -- the reply found in the mailbox
            updated_at TIMESTAMP NOT NULL,
            updated_by VARCHAR NOT NULL
        );
        """,
    ),
    (
        3,
        "access: IP addresses and credentials from TransIP, the vault and DSD, with links",
        """
        -- One allow-listed address, vault item or licence (etl.transip, etl.vault, etl.dsd).
        -- Never a secret: holder is the address, the login name or a masked licence key.
        -- subject_id NULL: not linked (linked_by NULL) or ICT Roermond's own (linked_by 'own').
        -- A linked entry is also a row in records (same source, category, ref).
        CREATE TABLE access_entries (
            source VARCHAR NOT NULL,
            category VARCHAR NOT NULL,
            ref VARCHAR NOT NULL,
            scope VARCHAR NOT NULL,
            system VARCHAR NOT NULL,
            item VARCHAR NOT NULL,
            holder VARCHAR NOT NULL,
            detail VARCHAR NOT NULL,
            fields VARCHAR[] NOT NULL,
            hints VARCHAR[] NOT NULL,
            kvk VARCHAR,
            emails VARCHAR[] NOT NULL,
            seen_on DATE,
            subject_id INTEGER,
            linked_by VARCHAR,        -- kvk | email | code | name | owner | own | ambiguous
            first_seen DATE NOT NULL,
            last_seen DATE NOT NULL,
            gone_on DATE,             -- missing from a newer export of its scope
            first_import_id INTEGER NOT NULL,
            last_import_id INTEGER NOT NULL,
            PRIMARY KEY (source, category, ref)
        );

        -- What one kind of export says about a system (a VPS): label and linking hints.
        -- Per origin (vps list, ip-addresses), so one file does not wipe the other's hints.
        CREATE TABLE access_systems (
            source VARCHAR NOT NULL,
            system VARCHAR NOT NULL,
            origin VARCHAR NOT NULL,
            label VARCHAR NOT NULL,
            hints VARCHAR[] NOT NULL,
            last_import_id INTEGER NOT NULL,
            PRIMARY KEY (source, system, origin)
        );

        -- The latest file that listed each scope completely (a VPS's firewall, a vault): an
        -- older file imported again after a newer one is a new observation, not a repeat.
        CREATE TABLE access_scopes (
            source VARCHAR NOT NULL,
            scope VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL,
            import_id INTEGER NOT NULL,
            PRIMARY KEY (source, scope)
        );

        -- The owner's decisions, kept across imports: this entry belongs to that subject,
        -- or (subject_id NULL) to ICT Roermond itself / no data subject.
        CREATE TABLE access_links (
            source VARCHAR NOT NULL,
            category VARCHAR NOT NULL,
            ref VARCHAR NOT NULL,
            subject_id INTEGER,
            decided_by VARCHAR NOT NULL,
            decided_at TIMESTAMP NOT NULL,
            PRIMARY KEY (source, category, ref)
        );
        """,
    ),
    (
        4,
        "website evidence: cookies, trackers and analytics settings",
        """
        -- One piece of evidence about the website at a date: an imported file (HAR, page,
        -- cookie scan, GA settings) or the Google Analytics form. Kept, never replaced:
        -- the history of what the site did is itself the evidence.
        CREATE TABLE website_evidence (
            id INTEGER PRIMARY KEY,
            import_id INTEGER,               -- NULL for a form entry
            kind VARCHAR NOT NULL,           -- har | page | cookie_scan | ga_settings | ga_form
            file_name VARCHAR NOT NULL,
            observed_on DATE NOT NULL,       -- the visit's date, else the day it was entered
            complete BOOLEAN NOT NULL,       -- lists every cookie (HAR, scan), not only GA's
            note VARCHAR NOT NULL,
            entered_by VARCHAR NOT NULL,
            entered_at TIMESTAMP NOT NULL
        );

        -- What one piece of evidence showed. No cookie values, no User-IDs.
        CREATE TABLE website_observations (
            evidence_id INTEGER NOT NULL,
            kind VARCHAR NOT NULL,           -- cookie | tracker | tag | setting | field | page
            name VARCHAR NOT NULL,
            domain VARCHAR NOT NULL,
            value VARCHAR NOT NULL,
            lifetime_seconds BIGINT,         -- cookies; NULL: session or unknown
            session BOOLEAN NOT NULL,
            party VARCHAR NOT NULL,          -- first | third | ''
            category VARCHAR NOT NULL,
            detail VARCHAR NOT NULL
        );
        """,
    ),
    (
        5,
        "weekly review sign-offs",
        """
        -- state: JSON with the counts and the keys of open findings and overdue deletions.
        CREATE TABLE sign_offs (
            id INTEGER PRIMARY KEY,
            "at" TIMESTAMP NOT NULL,
            actor VARCHAR NOT NULL,
            as_of DATE NOT NULL,
            note VARCHAR NOT NULL,
            state VARCHAR NOT NULL
        );
        """,
    ),
    (
        6,
        "redaction of deleted data and reappearances",
        """
        -- A deleted record keeps only a salted hash of its reference, to notice it again.
        CREATE TABLE redacted_records (
            record_id BIGINT PRIMARY KEY,
            ref_hash VARCHAR NOT NULL,
            redacted_on DATE NOT NULL
        );
        -- Subjects of whom nothing is kept any more: only their number remains.
        CREATE TABLE redacted_subjects (
            subject_id INTEGER PRIMARY KEY,
            redacted_on DATE NOT NULL
        );
        -- A redacted record (old) that a later import brought back (new).
        CREATE TABLE reappearances (
            id INTEGER PRIMARY KEY,
            import_id INTEGER NOT NULL,
            old_record_id BIGINT NOT NULL,
            new_record_id BIGINT NOT NULL,
            detected_at TIMESTAMP NOT NULL
        );
        """,
    ),
    (
        7,
        "sign-off counts and items in their own columns",
        """
        -- The list of sign-offs needs only the counts; what was open at a sign-off (every
        -- open finding and overdue deletion: a million rows for an accountant's clients)
        -- is one row each, compressed by column, read for the latest sign-off only.
        -- Sign-offs kept before this keep their items in the state's JSON.
        ALTER TABLE sign_offs ADD COLUMN counts VARCHAR;
        UPDATE sign_offs SET counts = json_extract(state, '$.counts')::VARCHAR;
        CREATE TABLE sign_off_items (
            sign_off_id INTEGER NOT NULL,
            kind VARCHAR NOT NULL,   -- finding | overdue
            key VARCHAR NOT NULL,    -- review.py's key; a finding's ends in its English text
            text_nl VARCHAR          -- a finding's Dutch text
        );
        """,
    ),
    (
        8,
        "mail intake: several classes per message, te beoordelen, evidence rows",
        """
        -- A message may raise several requests at once, or be te beoordelen ('unclear':
        -- possibly a request, with the types it may be as candidates). Why is no longer a
        -- list of phrases but one row per rule that held, losing ones too.
        ALTER TABLE messages ADD COLUMN classes VARCHAR[];
        UPDATE messages SET classes = [classification];
        ALTER TABLE messages ALTER COLUMN classes SET NOT NULL;
        ALTER TABLE messages ADD COLUMN candidates VARCHAR[] DEFAULT [];
        UPDATE messages SET candidates = []::VARCHAR[];
        ALTER TABLE messages ALTER COLUMN candidates SET NOT NULL;
        ALTER TABLE messages ADD COLUMN language VARCHAR;  -- nl | en | de; NULL: not told

        -- One reason a message got its classes (compliance.intake.verdict.Evidence): type a
        -- request type, NULL (some request), 'noise' or 'sender'; status counted | possible
        -- | negated | to_reader | unconfirmed; place subject | text | forwarded | quoted |
        -- header | sender; the sentence it held in (clipped), '' for a header or sender.
        CREATE TABLE message_evidence (
            message_id VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            type VARCHAR,
            status VARCHAR NOT NULL,
            rule VARCHAR NOT NULL,
            language VARCHAR,
            place VARCHAR NOT NULL,
            sentence VARCHAR NOT NULL
        );
        -- The old reasons were '<where>:<what>'; every one of them counted.
        INSERT INTO message_evidence
        SELECT message_id, position,
               CASE WHEN kind IN ('subject', 'body') THEN
                        CASE WHEN classification IN ('access', 'withdrawal', 'termination',
                                 'erasure', 'rectification', 'objection', 'complaint')
                             THEN classification END
                    ELSE 'noise' END,
               'counted', what, NULL,
               CASE kind WHEN 'subject' THEN 'subject' WHEN 'body' THEN 'text'
                         WHEN 'noise_subject' THEN 'subject' WHEN 'noise' THEN 'text'
                         WHEN 'sender' THEN 'sender' ELSE 'header' END,
               ''
        FROM (
            SELECT message_id, classification, position,
                   split_part(reason, ':', 1) AS kind,
                   substr(reason, strpos(reason, ':') + 1) AS what
            FROM (
                SELECT message_id, classification,
                       unnest(matched) AS reason,
                       unnest(range(0, len(matched)))::INTEGER AS position
                FROM messages
            )
            WHERE reason LIKE '%:%'  -- 'metadata_only' is the metadata_only column already
        );
        ALTER TABLE messages DROP COLUMN classification;
        ALTER TABLE messages DROP COLUMN matched;

        ALTER TABLE message_overrules ADD COLUMN classes VARCHAR[];
        UPDATE message_overrules SET classes = [classification];
        ALTER TABLE message_overrules ALTER COLUMN classes SET NOT NULL;
        ALTER TABLE message_overrules DROP COLUMN classification;

        -- A request of type 'unclear' (from a message te beoordelen): the types it may be,
        -- whose shortest deadline runs until the owner confirms or dismisses it.
        ALTER TABLE requests ADD COLUMN candidates VARCHAR[];
        """,
    ),
    (
        9,
        "access entries looked up by key, not by scanning every subject",
        """
        -- What an access entry's free text is looked up by (compliance.access.name_key and
        -- code_key): one row per name and bookkeeping code of a subject. origin is a hash of
        -- the name or code it came from, so an import normalises only what is new; kind ''
        -- for one too short to look for. Derived from subjects and source_subjects, and
        -- forgotten with them.
        CREATE TABLE access_name_keys (
            subject_id INTEGER NOT NULL,
            origin UBIGINT NOT NULL,
            kind VARCHAR NOT NULL,   -- name | word | number | ''
            key VARCHAR NOT NULL,
            size INTEGER NOT NULL    -- compliance.access.key_size
        );
        """,
    ),
)
