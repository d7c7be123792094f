import * as z from 'zod/mini';
import * as core from 'zod/v4/core';

type MiniObject = z.ZodMiniObject<core.$ZodLooseShape, core.$loose>;
const miniType: core.$constructor<z.ZodMiniType> = z.ZodMiniType;
const jitObject: core.$constructor<core.$ZodObject> = core.$ZodObjectJIT;

/**
 * zod/mini's objects parse through zod's interpreted object parser; the JIT-compiled one that the
 * classic API uses is 1.4x faster on CloudTrail records, and records are the hot path of `classify`
 * and `scan` (docs/speed.md). This is zod/mini's own object class (ZodMiniObject's initialiser),
 * built on core's JIT object: same definition, types, checks and errors, without importing the
 * classic API (cold start). Where `new Function` is not allowed, zod falls back to the interpreted parser.
 */
const ZodMiniObjectJIT: core.$constructor<MiniObject> = core.$constructor('ZodMiniObjectJIT', (inst, def) => {
  jitObject.init(inst as unknown as core.$ZodObject, def);
  miniType.init(inst, def);
  core.util.installLazyProp(inst, 'shape', (self: MiniObject) => self._zod.def.shape, false);
});

/** Like `z.looseObject(shape)`: unknown keys pass through. */
const looseObject = <T extends core.$ZodLooseShape>(shape: T): z.ZodMiniObject<T, core.$loose> =>
  new ZodMiniObjectJIT({ type: 'object', shape, catchall: z.unknown() }) as unknown as z.ZodMiniObject<
    T,
    core.$loose
  >;

/** Like `z.object(shape)`: unknown keys are checked for nothing and left out of the output. */
const object = <T extends core.$ZodLooseShape>(shape: T): z.ZodMiniObject<T, core.$strip> =>
  new ZodMiniObjectJIT({ type: 'object', shape }) as unknown as z.ZodMiniObject<T, core.$strip>;

export { looseObject, object };
