import { createContext, useContext } from 'react';

/** Whether the screen draws in colour: off with NO_COLOR (https://no-color.org); bold, dim and underline stay. */
export const ColorContext = createContext(true);

/** A colour as Ink's props: `{ color }` when colour is on, `{}` when off (Ink then draws the default colour). */
export function useColor(): (name: string) => { color?: string } {
  const on = useContext(ColorContext);
  return on ? (name) => ({ color: name }) : () => ({});
}
