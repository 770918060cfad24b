// Must be imported before any schema is built. The renderer runs under a CSP without 'unsafe-eval', so zod
// must not compile parsers with `new Function` (nor probe whether it may, which the CSP would report).
import { z } from 'zod';

z.config({ jitless: true });
