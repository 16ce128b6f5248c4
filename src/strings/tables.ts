/**
 * Every word the built-in templates and the page furniture print, per language. Keys are camelCase;
 * `{name}` marks a value filled in by `t`. Each feature adds its keys to every table (a test checks
 * that all tables have the same keys): a missing string must be an error, never an English word.
 */
export type StringTable = Readonly<Record<string, string>>;

export const en: StringTable = {
  mainMessage: 'The main message',
  wordsToKnow: 'Words to know',
  references: 'References',
  continued: '(continued)',
  pageOf: 'Page {page} of {pages}',
  viewerNext: 'Next slide',
  viewerPrevious: 'Previous slide',
  viewerFirstLast: 'First / last slide',
  viewerBlack: 'Black screen (again: back)',
  viewerWhite: 'White screen (again: back)',
  viewerOverview: 'Overview of all slides',
  viewerGoTo: 'Go to slide number',
  viewerFullscreen: 'Full screen',
  viewerPresenter: 'Presenter view',
  viewerHelp: 'Keys',
  viewerClose: 'Close',
};

export const es: StringTable = {
  mainMessage: 'El mensaje principal',
  wordsToKnow: 'Palabras que debe conocer',
  references: 'Referencias',
  continued: '(continuación)',
  pageOf: 'Página {page} de {pages}',
  viewerNext: 'Diapositiva siguiente',
  viewerPrevious: 'Diapositiva anterior',
  viewerFirstLast: 'Primera / última diapositiva',
  viewerBlack: 'Pantalla negra (otra vez: volver)',
  viewerWhite: 'Pantalla blanca (otra vez: volver)',
  viewerOverview: 'Vista general de las diapositivas',
  viewerGoTo: 'Ir a la diapositiva número',
  viewerFullscreen: 'Pantalla completa',
  viewerPresenter: 'Vista del presentador',
  viewerHelp: 'Teclas',
  viewerClose: 'Cerrar',
};

export const fr: StringTable = {
  mainMessage: 'Le message principal',
  wordsToKnow: 'Mots à connaître',
  references: 'Références',
  continued: '(suite)',
  pageOf: 'Page {page} sur {pages}',
  viewerNext: 'Diapositive suivante',
  viewerPrevious: 'Diapositive précédente',
  viewerFirstLast: 'Première / dernière diapositive',
  viewerBlack: 'Écran noir (encore : retour)',
  viewerWhite: 'Écran blanc (encore : retour)',
  viewerOverview: 'Vue d’ensemble des diapositives',
  viewerGoTo: 'Aller à la diapositive n°',
  viewerFullscreen: 'Plein écran',
  viewerPresenter: 'Mode présentateur',
  viewerHelp: 'Touches',
  viewerClose: 'Fermer',
};

export const de: StringTable = {
  mainMessage: 'Das Wichtigste',
  wordsToKnow: 'Wichtige Begriffe',
  references: 'Quellen',
  continued: '(Fortsetzung)',
  pageOf: 'Seite {page} von {pages}',
  viewerNext: 'Nächste Folie',
  viewerPrevious: 'Vorherige Folie',
  viewerFirstLast: 'Erste / letzte Folie',
  viewerBlack: 'Schwarzer Bildschirm (nochmals: zurück)',
  viewerWhite: 'Weißer Bildschirm (nochmals: zurück)',
  viewerOverview: 'Übersicht aller Folien',
  viewerGoTo: 'Gehe zu Folie Nummer',
  viewerFullscreen: 'Vollbild',
  viewerPresenter: 'Referentenansicht',
  viewerHelp: 'Tasten',
  viewerClose: 'Schließen',
};

export const pt: StringTable = {
  mainMessage: 'A mensagem principal',
  wordsToKnow: 'Palavras que deve conhecer',
  references: 'Referências',
  continued: '(continuação)',
  pageOf: 'Página {page} de {pages}',
  viewerNext: 'Diapositivo seguinte',
  viewerPrevious: 'Diapositivo anterior',
  viewerFirstLast: 'Primeiro / último diapositivo',
  viewerBlack: 'Ecrã preto (de novo: voltar)',
  viewerWhite: 'Ecrã branco (de novo: voltar)',
  viewerOverview: 'Visão geral dos diapositivos',
  viewerGoTo: 'Ir para o diapositivo número',
  viewerFullscreen: 'Ecrã inteiro',
  viewerPresenter: 'Vista do apresentador',
  viewerHelp: 'Teclas',
  viewerClose: 'Fechar',
};

/** The shipped tables by primary language subtag. */
export const BUILT_IN: Readonly<Record<string, StringTable>> = { en, es, fr, de, pt };
