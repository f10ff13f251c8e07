// ISO 3166 codes and English country names from i18n-iso-countries, with the English locale only:
// the package's Node entry registers ~80 locales at start-up, and sitrep reads none but English.
import { createRequire } from 'node:module';
import type Countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries/index.js') as typeof Countries;
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as Countries.LocaleData);

export default countries;
