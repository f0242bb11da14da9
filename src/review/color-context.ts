import { createContext, useContext } from 'react';
import type { Color } from './styled-text.js';

/** Whether the review may colour (off with NO_COLOR or --no-color). */
export const ColorContext = createContext(true);

/** A colour when colour is on, else undefined (bold, dim and inverse stay: they are not colour). */
export function usePaint(): (c: Color | undefined) => Color | undefined {
  const on = useContext(ColorContext);
  return (c) => (on ? c : undefined);
}
