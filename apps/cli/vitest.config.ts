import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Tests run the built `stance` (bin/stance.js → dist/), as a user would: build it from the current sources first.
export default mergeConfig(shared, { test: { globalSetup: ['./test/helpers/build-cli.ts'] } });
