import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships without messages ("Invalid input"); every schema module imports this file so that
// validation errors say what was expected and what was received.
z.config(en());
