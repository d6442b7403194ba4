import type { Messages } from './en.ts';

export const fr: Messages = {
  'page.brand': 'Consentry',
  'page.closeTab': 'Vous pouvez fermer cet onglet.',
  'error.title': 'Un problème est survenu',
  'error.code': 'Code : {{code}}',
  'error.startAgain': 'Revenez à l’application et recommencez.',
  'connectDone.title.connected': 'Connecté',
  'connectDone.body.connected':
    'Le compte est connecté. Revenez au terminal ou à l’application qui l’a demandé.',
  'connectDone.title.cancelled': 'Non connecté',
  'connectDone.body.cancelled':
    'La connexion n’a pas été établie : le consentement a été refusé ou annulé chez le fournisseur.',
  'connectDone.body.providerError': 'Le fournisseur a répondu : {{error}}.',
  'errors.CALLBACK_PARAMETER_MISSING': 'Le fournisseur a renvoyé le navigateur sans paramètre « state ».',
  'errors.CALLBACK_PARAMETER_DUPLICATED': 'La réponse du fournisseur répète un paramètre.',
  'errors.CALLBACK_PARAMETER_TOO_LARGE': 'Un paramètre de la réponse du fournisseur est trop long.',
  'errors.FLOW_UNKNOWN': 'Ce lien de connexion est inconnu ou a déjà servi. Recommencez la connexion.',
  'errors.FLOW_EXPIRED': 'Cette connexion a pris trop de temps et a expiré. Recommencez.',
  'errors.FLOW_SESSION_MISMATCH':
    'Cette connexion a été commencée dans un autre navigateur. Recommencez-la ici.',
  'errors.AUTHORIZATION_RESPONSE_INVALID': 'La réponse du fournisseur n’est pas valide.',
  'errors.ISSUER_MISMATCH': 'La réponse venait d’un fournisseur inattendu ; elle a été refusée.',
  'errors.TOKEN_REQUEST_REJECTED': 'Le fournisseur a refusé de terminer la connexion.',
  'errors.TOKEN_RESPONSE_INVALID': 'La réponse du fournisseur est incompréhensible.',
  'errors.ID_TOKEN_INVALID': 'La preuve d’identité du fournisseur n’est pas valide.',
  'errors.PROVIDER_UNAVAILABLE': 'Le fournisseur est injoignable. Réessayez dans quelques minutes.',
  'errors.HANDOFF_INVALID': 'Ce lien est inconnu, expiré ou déjà utilisé. Demandez-en un nouveau.',
  'errors.BAD_REQUEST': 'La requête n’est pas valide.',
  'errors.INTERNAL': 'Une erreur est survenue de notre côté.',
};
