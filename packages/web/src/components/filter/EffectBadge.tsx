import { effectWord } from '../../filter/words.ts';

/** An effect in words, in a badge whose colour only repeats what the words say. */
export function EffectBadge({ effect }: { effect: string }) {
  return <span className={`badge effect effect-${effect}`}>{effectWord(effect)}</span>;
}
