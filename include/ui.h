/*
 * ui.h — the terminal interface (ncurses). ui_main() runs the screen loop
 * until the user quits; returns the process exit code.
 */
#ifndef RAPPORTEUR_UI_H
#define RAPPORTEUR_UI_H

struct app;

int ui_main(struct app *app);

#endif
