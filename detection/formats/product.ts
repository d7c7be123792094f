import packageJson from '../../package.json' with { type: 'json' };

/** Who writes the findings, as the formats name the product (OCSF `metadata.product`, ASFF `ProductFields`). */
const PRODUCT = { name: 'rootwatch', vendorName: 'rootwatch', version: packageJson.version } as const;

export { PRODUCT };
