import type { Confidentiality } from '../../../common/contracts/documents';
import type { Role } from '../../../common/enums';
import type { Actor } from '../../db/scope';
import { AppError, forbidden, invalidField } from '../../http/errors';

/** Who may add documents to a source in their scope; grid cadres and experts only read. */
const UPLOADERS: readonly Role[] = ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'enterprise'];

/**
 * 秘密 documents stay with the authorities and the enterprise itself: third parties (provider staff,
 * experts) and grid cadres never see them, not even as a count.
 */
const SECRET_HIDDEN_FROM: readonly Role[] = ['provider_manager', 'inspector', 'grid', 'expert'];

export function maySeeSecret(actor: Actor): boolean {
  return !SECRET_HIDDEN_FROM.includes(actor.role);
}

export function assertMayUpload(actor: Actor): void {
  if (!UPLOADERS.includes(actor.role)) throw forbidden();
}

/** A level the actor could not see afterwards is refused, so nobody files a document away from themselves. */
export function assertMaySetConfidentiality(actor: Actor, level: Confidentiality): void {
  if (level === 'secret' && !maySeeSecret(actor)) {
    throw invalidField('confidentiality', '您的角色不能将档案设为「秘密」', 'Your role may not mark a document as secret');
  }
}

/** The enterprise maintains the documents it filed itself; what the authorities filed is theirs to change. */
export function assertMayChange(actor: Actor, document: { from_enterprise: boolean }): void {
  assertMayUpload(actor);
  if (actor.role === 'enterprise' && !document.from_enterprise) {
    throw new AppError(
      403,
      'not_enterprise_document',
      '该档案由主管部门或服务机构上传，企业不能修改',
      'This document was filed by the authorities or the provider; the enterprise may not change it',
    );
  }
}
