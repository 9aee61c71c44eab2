/*
 * command_list.h — every command, listed once (tig's request.h model).
 *
 * No include guard: included by commands.h to make `enum cmd_id` and by
 * commands.c to make command_table[], in this order (help and hints
 * follow it). Each row:
 *
 *   CMD(ID, "name", "args", N_("help"), min, max, flags, "keys", screens, handler)
 *
 * ID becomes CMD_<ID>. flags: W (writes), S (needs a session), O (writes
 * in an open session), AT (its journal row is filed under the agenda item
 * in progress), UI (a screen action, no handler), L (a key of one screen
 * only), G (a word introducing sub-command rows "word sub"), SUB (such a
 * sub-command: shown through its group), DRY (with --dry-run it only
 * reads: see CMD_DRY_RUN). screens: ALL, A(SCREEN)
 * or 0. handler: the domain function, NULL for UI rows and groups.
 */

/* Screen actions: listed here so that help and hints cover them. */
CMD(HELP, "help", "", N_("show the keys and commands"), 0, 0, UI, "? F1", ALL, NULL)
CMD(QUIT, "quit", "", N_("leave (everything is already saved)"), 0, 0, UI, "q", ALL, NULL)
CMD(COMMAND, "command", "", N_("type a command"), 0, 0, UI, ":", ALL, NULL)
CMD(SEARCH, "search", "", N_("search in this screen"), 0, 0, UI, "/", ALL, NULL)
CMD(MESSAGE, "message", "", N_("show the last answer whole"), 0, 0, UI, "w", ALL, NULL)
CMD(NEXT_SCREEN, "next-screen", "", N_("next screen"), 0, 0, UI, "Tab", ALL, NULL)
CMD(SCREEN, "screen", "", N_("go to screen 1-7"), 0, 0, UI, "1-7", ALL, NULL)

/* Sessions (R2) */
CMD(SESSION, "session", "new \"TITLE\" LEVEL DATE [--from ID] | open ID | close | reopen",
    N_("create, switch to, close or reopen a session"), 1, 6, W | G, NULL, A(AGENDA), NULL)
CMD(SESSION_NEW, "session new", "\"TITLE\" LEVEL DATE [--from ID]", NULL, 3, 5, W | SUB, NULL, 0,
    cmd_session_new)
CMD(SESSION_OPEN, "session open", "ID", NULL, 1, 1, W | SUB, NULL, 0, cmd_session_open)
CMD(SESSION_CLOSE, "session close", "", NULL, 0, 0, W | SUB, NULL, 0, cmd_session_close)
CMD(SESSION_REOPEN, "session reopen", "", NULL, 0, 0, W | SUB, NULL, 0, cmd_session_reopen)
CMD(SET, "set", "KEY VALUE", N_("set a session setting (venue, min_level, rule, …)"), 2, 2, O,
    NULL, A(ATTENDANCE) | A(THEMES), cmd_session_set)
CMD(THEME_ADD, "theme+", "CODE|\"TITLE\"", N_("add a theme to the session"), 1, 1, O, NULL,
    A(ATTENDANCE) | A(THEMES), cmd_theme_add)
CMD(THEME_DEL, "theme-", "CODE", N_("remove a theme from the session"), 1, 1, O, NULL,
    A(ATTENDANCE) | A(THEMES), cmd_theme_del)

/* Attendance (R3, R4) */
CMD(DELEGATION_ADD, "delegation+", "CODE TYPE \"NAME\"", N_("register a delegation in the process"),
    3, 3, W | S, NULL, A(ATTENDANCE), cmd_delegation_add)
CMD(DELEGATE_ADD, "delegate+",
    "CODE \"NAME\" LEVEL CATEGORY [\"FUNCTION\"] [head] [--entity \"E\"] [--email M]",
    N_("register a delegate"), 4, 12, O | AT, "a", A(ATTENDANCE), cmd_delegate_add)
CMD(DELEGATE_DEL, "delegate-", "CODE \"NAME\"", N_("remove a delegate"), 2, 2, O | AT, "D",
    A(ATTENDANCE), cmd_delegate_del)
CMD(DELEGATE_EDIT, "delegate=", "CODE \"NAME\" FIELD VALUE", N_("change a delegate's field"), 4, 4,
    O | AT, "e", A(ATTENDANCE), cmd_delegate_edit)
CMD(PRESENT_ADD, "present+", "CODE [\"NAME\"]", N_("mark a delegate or a whole delegation present"),
    1, 2, O | AT, "Space", A(ATTENDANCE), cmd_present_add)
CMD(PRESENT_DEL, "present-", "CODE [\"NAME\"]", N_("mark a delegate or a whole delegation absent"),
    1, 2, O | AT, "Space", A(ATTENDANCE), cmd_present_del)
CMD(CHECK, "check", "", N_("print the delegation-level check of every member state"), 0, 0, S,
    NULL, A(ATTENDANCE), cmd_check)
CMD(IMPORT, "import", "FILE [--dry-run] [--digest HEX]", N_("import a participants CSV"), 1, 4,
    O | DRY, "i", A(ATTENDANCE), cmd_import)

/* Agenda (R8) */
CMD(ITEM_ADD, "item+", "\"TITLE\" [KIND] [MINUTES] [HH:MM]", N_("add an agenda item"), 1, 4, O,
    "a", A(AGENDA), cmd_item_add)
CMD(ITEM_EDIT, "item=", "N FIELD VALUE", N_("change an agenda item's field"), 3, 3, O, "e",
    A(AGENDA), cmd_item_edit)
CMD(START, "start", "N", N_("start an agenda item"), 1, 1, O, "s", A(AGENDA), cmd_start)
CMD(END, "end", "", N_("end the item in progress"), 0, 0, O, "E", A(AGENDA) | A(FLOOR), cmd_end)
CMD(SKIP, "skip", "N", N_("skip an agenda item"), 1, 1, O, "x", A(AGENDA), cmd_skip)
CMD(MOVE, "move", "N M", N_("move item N to position M"), 2, 2, O, "K J", A(AGENDA), cmd_move)
CMD(RETIME, "retime", "[N]",
    N_("re-time the pending items after item N (default: the running or last ended one)"), 0, 1,
    O, "R", A(AGENDA), cmd_retime)

/* Floor (R9) */
CMD(QUEUE_ADD, "q+", "CODE [\"NAME\"] [TYPE]", N_("add a speaker to the list"), 1, 3, O, "a",
    A(FLOOR), cmd_queue_add)
CMD(QUEUE_DEL, "q-", "CODE", N_("withdraw a speaker's request"), 1, 1, O, "d", A(FLOOR),
    cmd_queue_del)
CMD(QUEUE_MOVE, "qmove", "CODE POS", N_("move a request in the list of speakers"), 2, 2, O,
    "K J", A(FLOOR), cmd_queue_move)
CMD(FLOOR, "floor", "[CODE]", N_("give the floor to the next speaker or to CODE"), 0, 1, O,
    "Enter", A(FLOOR), cmd_floor)
CMD(YIELD, "yield", "[\"SUMMARY\"]", N_("end the intervention with its summary"), 0, 1, O, "y",
    A(FLOOR), cmd_yield)
CMD(INTERVENTION_EDIT, "intervention=", "ITEM SEQ FIELD VALUE",
    N_("correct a logged intervention (summary, speaker, delegation, type, start, end)"), 4, 4, O,
    NULL, A(FLOOR), cmd_intervention_edit)

/* Themes (R6) */
CMD(PROPOSE, "propose", "TARGET \"THEME\" [CODE|ctp]", N_("propose a theme (workshop or next)"),
    2, 3, O | AT, "a", A(THEMES), cmd_propose)
CMD(POSITION, "position", "P CODE support|object|abstain|none",
    N_("record a member state's position"), 3, 3, O | AT, "+ - 0 .", A(THEMES), cmd_position)
CMD(SELECT, "select", "P", N_("select a proposal (consensus required)"), 1, 1, O | AT, "s",
    A(THEMES), cmd_select)
CMD(REJECT, "reject", "P", N_("reject a proposal"), 1, 1, O | AT, "x", A(THEMES), cmd_reject)
CMD(MERGE, "merge", "P Q [\"TITLE\"]", N_("merge two proposals into one"), 2, 3, O | AT, "m",
    A(THEMES), cmd_merge)

/* Recommendations (R5, R7) */
CMD(REC_ADD, "rec+", "CODE \"TITLE\" \"TEXT\" [\"TEXT_EN\"]",
    N_("draft a recommendation (member states only)"), 3, 4, O | AT, "a", A(RECS), cmd_rec_add)
CMD(AMEND, "amend", "N CODE \"TEXT\" [\"TEXT_EN\"]", N_("amend a recommendation's text"), 3, 4,
    O | AT, "e", A(RECS), cmd_amend)
CMD(COSPONSOR, "cosponsor", "N CODE", N_("add a co-sponsor"), 2, 2, O | AT, "c", A(RECS),
    cmd_cosponsor)
CMD(RESERVE, "reserve", "N CODE \"REASON\"", N_("record a reservation"), 2, 3, O | AT, "r", A(RECS),
    cmd_reserve)
CMD(OBJECT, "object", "N CODE [\"REASON\"]", N_("record an objection (blocks adoption)"), 2, 3,
    O | AT, "o", A(RECS), cmd_object)
CMD(UNOBJECT, "unobject", "N CODE", N_("withdraw an objection"), 2, 2, O | AT, "O", A(RECS),
    cmd_unobject)
CMD(STATUS, "status", "N STATUS", N_("change a recommendation's status"), 2, 2, O | AT, "t",
    A(RECS), cmd_status)
CMD(ADOPT, "adopt", "N", N_("adopt a recommendation (no objection)"), 1, 1, O | AT, "A", A(RECS),
    cmd_adopt)
CMD(REC_SET, "rec=", "N theme|item|title VALUE",
    N_("change a recommendation's theme, item or title"), 3, 3, O | AT, "=", A(RECS), cmd_rec_set)

/* Minutes */
/* Across meetings: follow-up of recommendations, actions (DESIGN §8) */
CMD(FOLLOW, "follow", "REC CODE STATUS [\"NOTE\"]",
    N_("report a member state's implementation of a recommendation (S4/R3)"), 3, 4, O, NULL, 0,
    cmd_follow)
CMD(REVIEW, "review", "REC \"CONCLUSION\"", N_("record the CTP's review of a recommendation"),
    2, 2, O, "r", A(FOLLOWUP), cmd_review)
CMD(ACTION_ADD, "action+", "OWNER \"TEXT\" [DUE]",
    N_("open an action (owner: delegation, secretariat, ctp or chair)"), 2, 3, O, "a",
    A(FOLLOWUP), cmd_action_add)
CMD(ACTION_SET, "action", "N open|done|dropped [\"NOTE\"]", N_("change an action's state"), 2, 3,
    O, NULL, 0, cmd_action_set)

CMD(NOTE, "note", "[key|lesson|practice|satisfaction] \"TEXT\"", N_("write a free line in the minutes"), 1, 2,
    O | AT, "n", ALL,
    cmd_note)
CMD(EXPORT, "export", "DIR [--force] [--bom]", N_("export the CSV minutes of the session"), 1, 3,
    S, "x", A(MINUTES), cmd_export)
CMD(REPORT, "report", "FILE [--format html|odt|akn] [--lang fr|en] [--force]",
    N_("write the meeting report (HTML, ODT or Akoma Ntoso)"), 1, 6, S, "r", A(MINUTES),
    cmd_report)
CMD(MINUTES, "minutes", "circulate | approve",
    N_("circulate a numbered version of the report, or approve it"), 1, 1, W | G, NULL,
    A(MINUTES), NULL)
CMD(MINUTES_CIRCULATE, "minutes circulate", "", NULL, 0, 0, W | S | SUB, NULL, 0,
    cmd_minutes_circulate)
CMD(MINUTES_APPROVE, "minutes approve", "", NULL, 0, 0, W | S | SUB, NULL, 0,
    cmd_minutes_approve)
CMD(CLOCK, "clock", "TIME|now", N_("set the clock used for new records (replay)"), 1, 1, 0, NULL,
    0, cmd_clock)

/* Corrections (DESIGN §8) */
CMD(UNDO, "undo", "", N_("undo the last change made from this terminal"), 0, 0, O, "u", ALL,
    cmd_undo)
CMD(REDO, "redo", "", N_("redo the change last undone"), 0, 0, O, "U", ALL, cmd_redo)

/* Keys that belong to one screen and run no command by themselves:
 * listed so that help and the hint bar show them too. */
CMD(FU_VIEW, "views", "", N_("next view: recommendations, actions, representation"), 0, 0,
    L, "v", A(FOLLOWUP), NULL)
CMD(FU_NOT_STARTED, "not-started", "", N_("the state has not started it"), 0, 0, L, "0",
    A(FOLLOWUP), NULL)
CMD(FU_IN_PROGRESS, "in-progress", "", N_("in progress"), 0, 0, L, "p", A(FOLLOWUP), NULL)
CMD(FU_IMPLEMENTED, "implemented", "", N_("implemented"), 0, 0, L, "i", A(FOLLOWUP), NULL)
CMD(FU_NOT_APPLICABLE, "not-applicable", "", N_("not applicable"), 0, 0, L, "x",
    A(FOLLOWUP), NULL)
CMD(FU_NO_REPORT, "no-report", "", N_("no report"), 0, 0, L, ".", A(FOLLOWUP), NULL)
CMD(FU_NOTE, "with-note", "", N_("a note with the cell's status"), 0, 0, L, "N", A(FOLLOWUP), NULL)
CMD(FU_FILTER_STATE, "filter-state", "", N_("cycle the overall-state filter"), 0, 0, L, "f",
    A(FOLLOWUP), NULL)
CMD(FU_FILTER_SESSION, "filter-session", "", N_("cycle the session filter"), 0, 0, L, "s",
    A(FOLLOWUP), NULL)
CMD(FU_FILTER_THEME, "filter-theme", "", N_("cycle the theme filter"), 0, 0, L, "t",
    A(FOLLOWUP), NULL)
CMD(FU_DONE, "done", "", N_("the action is done"), 0, 0, L, "d", A(FOLLOWUP), NULL)
CMD(FU_REOPEN, "reopen", "", N_("reopen the action"), 0, 0, L, "o", A(FOLLOWUP), NULL)
CMD(FU_DROP, "drop", "", N_("drop the action"), 0, 0, L, "X", A(FOLLOWUP), NULL)
CMD(NEW_SESSION, "new-session", "", N_("a new session carrying over this one's roster, agenda and settings"),
    0, 0, L, "N", A(AGENDA), NULL)
CMD(GRID, "grid", "", N_("move into the R4 grid (Enter selects the delegation)"), 0, 0, L, "c",
    A(ATTENDANCE), NULL)
CMD(NEXT_NOT_OK, "next-not-ok", "", N_("jump to the next member state that is not OK (R4)"), 0, 0,
    L, "!", A(ATTENDANCE), NULL)
CMD(MIN_LEVEL, "min-level", "", N_("choose the session's minimum level"), 0, 0, L, "m",
    A(ATTENDANCE), NULL)
CMD(THEMES, "themes", "", N_("add or remove the session's themes"), 0, 0, L, "t", A(ATTENDANCE),
    NULL)
CMD(TARGET, "target", "", N_("switch between workshops and the next meeting"), 0, 0, L, "t",
    A(THEMES), NULL)
CMD(CATALOGUE, "catalogue", "", N_("show the theme catalogue"), 0, 0, L, "c", A(THEMES), NULL)
CMD(FILTER_ITEM, "filter-item", "", N_("show only one agenda item"), 0, 0, L, "i", A(MINUTES),
    NULL)
CMD(FILTER_DELEGATION, "filter-delegation", "", N_("show only one delegation"), 0, 0, L, "d",
    A(MINUTES), NULL)
CMD(FILTER_EVENT, "filter-event", "", N_("cycle through the event types"), 0, 0, L, "e",
    A(MINUTES), NULL)
CMD(FILTER_CLEAR, "filter-clear", "", N_("clear the filters"), 0, 0, L, "c", A(MINUTES), NULL)
CMD(OPEN, "open", "", N_("open the recommendation (text, objections, reservations)"), 0, 0, L,
    "Enter", A(RECS), NULL)
CMD(FILTER_STATUS, "filter-status", "", N_("cycle the status filter"), 0, 0, L, "f", A(RECS),
    NULL)
CMD(FILTER_THEME, "filter-theme", "", N_("cycle the theme filter"), 0, 0, L, "F", A(RECS), NULL)
CMD(SHOW, "show", "", N_("read the selected entry whole"), 0, 0, L, "Enter",
    A(MINUTES) | A(THEMES), NULL)
CMD(VERSIONS, "versions", "", N_("versions and the word diff of two of them"), 0, 0, L, "v",
    A(RECS), NULL)
