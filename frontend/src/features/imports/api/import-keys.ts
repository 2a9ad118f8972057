// Imports are not stock data until committed; a commit refreshes inventory (see commit).
export const importKey = (id: number) => ['imports', id] as const;
export const importProblemsKey = (id: number, version: string) =>
  ['imports', id, 'problems', version] as const;
