import type { PhraseEntry } from '../library.ts';

/**
 * Haven's Welsh phrase library (Cymraeg), written for Haven for Welsh-medium schools such as
 * Milford Haven's: the commonest forms only, for a Welsh speaker in the school to review and
 * extend. The normaliser drops the circumflex (â ê î ô û ŵ ŷ), so pupils who type without it match.
 */
export const CY: readonly PhraseEntry[] = [
  ['suicide', 5, 'lladd fy hun'],
  ['suicide', 5, 'eisiau marw'],
  ['suicide', 5, 'moyn marw'],
  ['suicide', 5, 'diweddu fy mywyd'],
  ['suicide', 3, 'hunanladdiad'],
  ['self-harm', 4, 'torri fy hun'],
  ['self-harm', 4, 'brifo fy hun'],
  ['self-harm', 3, 'hunan niweidio'],
  ['self-harm', 3, 'hunan-niwed'],
  ['eating-disorders', 3, 'llwgu fy hun'],
  ['eating-disorders', 2, 'anorecsia'],
  ['grooming', 5, 'paid dweud wrth dy rieni'],
  ['grooming', 5, 'ein cyfrinach ni'],
  ['grooming', 4, 'anfon lluniau'],
  ['grooming', 4, 'cwrdd a fi ar ben dy hun'],
  ['bullying', 4, 'pawb yn fy nghasau'],
  ['bullying', 3, 'lladd dy hun'],
  ['bullying', 3, 'cael fy mwlio'],
  ['bullying', 2, 'bwlio'],
  ['extremism', 5, 'sut i wneud bom'],
  ['violence-weapons', 4, 'prynu cyllell'],
  ['violence-weapons', 4, 'trywanu'],
  ['drugs-alcohol', 4, 'prynu cyffuriau'],
  ['drugs-alcohol', 2, 'cyffuriau'],
  ['gambling', 2, 'gamblo'],
  ['hate', 3, 'casineb hiliol'],
];
