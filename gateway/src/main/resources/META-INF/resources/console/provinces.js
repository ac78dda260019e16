// The 34 provinces and centrally-run cities from 1 July 2025 as a tile map: [row, column] on a 5-column grid
// drawn roughly where each lies (north at the top), so that the country's shape reads at a glance and the tab
// order runs north to south. Names come from the API (named as on the day asked).
export const TILES = {
  12: [1, 2], 15: [1, 3], '08': [1, 4], '04': [1, 5],
  11: [2, 1], 14: [2, 2], 25: [2, 3], 19: [2, 4], 20: [2, 5],
  '01': [3, 3], 24: [3, 4], 22: [3, 5],
  37: [4, 3], 33: [4, 4], 31: [4, 5],
  38: [5, 3],
  40: [6, 3],
  42: [7, 4],
  44: [8, 4],
  46: [9, 5],
  48: [10, 5],
  51: [11, 5],
  52: [12, 5],
  66: [13, 5],
  68: [14, 4], 56: [14, 5],
  80: [15, 2], 79: [15, 3], 75: [15, 4],
  82: [16, 2], 86: [16, 3],
  91: [17, 1], 92: [17, 2],
  96: [18, 2],
};

/** Province codes in reading order: north to south, west to east. */
export const NORTH_TO_SOUTH = Object.keys(TILES).sort((a, b) => TILES[a][0] - TILES[b][0] || TILES[a][1] - TILES[b][1]);
