import type { Language } from '../core';
import { fillTemplate, type Vars } from '../format';

/**
 * Why the code list refuses or fails, and what TikTok said under the field of a filled code,
 * worded by the background in the user's UI language: the background's own checks and the Ads
 * Manager page's (that script carries no words and names its refusal by key). Only the background needs these, so they are not in the catalogs every page loads.
 */
const en = {
  pickerFieldClosed: 'The code field is no longer open. Nothing was filled.',
  pickerNotYourAction: 'Fill refused: it must follow your own click or key press in the code list.',
  pickerTampered: 'Fill refused because {reason}. Nothing was filled.',
  pickerTamperNotShown: 'the code list is not shown',
  pickerTamperMoving: 'the code list was moving',
  pickerTamperMoved: 'the page moved the code list',
  pickerTamperOffscreen: 'the code list is partly off-screen',
  pickerTamperHidden: 'the page hid the code list',
  pickerTamperTransparent: 'the page made the code list transparent',
  pickerTamperAltered: 'the page altered how the code list is drawn',
  pickerTamperCovered: 'something on the page covers the code list',
  pickerCodeGone: 'That code is no longer in your vault.',
  pickerCodeExpired: '{code}… has expired; TikTok would refuse it. Ask the creator for a new code.',
  pickerPageSilent: 'The Ads Manager page did not answer. Reload the page and try again.',
  pickerLost: 'This code list lost its connection to the Ads Manager page. Reload the page to use it again.',
  pickerNotInTab: 'Only a page in a tab can show the code list.',
  pickerNotFilledHere: 'This page did not fill that code.',
  pickerRenewFromDashboard: 'Open the renewal request from the dashboard.',
  pickerNothingToUndo: 'Nothing to undo: this page has not marked those codes used.',
  // TikTok's verdicts under the field, in our words (the page's own text is never stored)
  pickerProblemExpired: 'Authorization expired. Contact the creator to extend the authorization.',
  pickerProblemInvalid: 'Ads Manager said the post code is incorrect. Check it is complete, or ask the creator for a new one.',
  pickerProblemRevoked: 'Ads Manager said the code or its video was deleted. Ask the creator for a new code.',
} as const;

export type RefusalKey = keyof typeof en;

const de: Record<RefusalKey, string> = {
  pickerFieldClosed: 'Das Code-Feld ist nicht mehr geöffnet. Es wurde nichts eingefügt.',
  pickerNotYourAction: 'Einfügen abgelehnt: Es muss auf deinen eigenen Klick oder Tastendruck in der Code-Liste folgen.',
  pickerTampered: 'Einfügen abgelehnt, weil {reason}. Es wurde nichts eingefügt.',
  pickerTamperNotShown: 'die Code-Liste nicht angezeigt wird',
  pickerTamperMoving: 'sich die Code-Liste bewegt hat',
  pickerTamperMoved: 'die Seite die Code-Liste verschoben hat',
  pickerTamperOffscreen: 'die Code-Liste teilweise außerhalb des Bildschirms liegt',
  pickerTamperHidden: 'die Seite die Code-Liste ausgeblendet hat',
  pickerTamperTransparent: 'die Seite die Code-Liste durchsichtig gemacht hat',
  pickerTamperAltered: 'die Seite verändert hat, wie die Code-Liste gezeichnet wird',
  pickerTamperCovered: 'etwas auf der Seite die Code-Liste verdeckt',
  pickerCodeGone: 'Dieser Code ist nicht mehr in deinem Tresor.',
  pickerCodeExpired: '{code}… ist abgelaufen; TikTok würde ihn ablehnen. Bitte den Creator um einen neuen Code.',
  pickerPageSilent: 'Die Ads-Manager-Seite hat nicht geantwortet. Lade die Seite neu und versuche es noch einmal.',
  pickerLost: 'Diese Code-Liste hat die Verbindung zur Ads-Manager-Seite verloren. Lade die Seite neu, um sie wieder zu nutzen.',
  pickerNotInTab: 'Nur eine Seite in einem Tab kann die Code-Liste zeigen.',
  pickerNotFilledHere: 'Diese Seite hat diesen Code nicht eingefügt.',
  pickerRenewFromDashboard: 'Öffne die Verlängerungsanfrage in der Übersicht.',
  pickerNothingToUndo: 'Nichts rückgängig zu machen: Diese Seite hat diese Codes nicht als genutzt markiert.',
  pickerProblemExpired: 'Autorisierung abgelaufen. Bitte den Creator, die Autorisierung zu verlängern.',
  pickerProblemInvalid: 'Laut Ads Manager ist der Post-Code falsch. Prüfe, ob er vollständig ist, oder bitte den Creator um einen neuen.',
  pickerProblemRevoked: 'Laut Ads Manager wurde der Code oder sein Video gelöscht. Bitte den Creator um einen neuen Code.',
};

const fr: Record<RefusalKey, string> = {
  pickerFieldClosed: 'Le champ du code n’est plus ouvert. Rien n’a été rempli.',
  pickerNotYourAction: 'Remplissage refusé : il doit suivre votre propre clic ou appui sur une touche dans la liste des codes.',
  pickerTampered: 'Remplissage refusé, car {reason}. Rien n’a été rempli.',
  pickerTamperNotShown: 'la liste des codes n’est pas affichée',
  pickerTamperMoving: 'la liste des codes était en mouvement',
  pickerTamperMoved: 'la page a déplacé la liste des codes',
  pickerTamperOffscreen: 'la liste des codes dépasse en partie de l’écran',
  pickerTamperHidden: 'la page a masqué la liste des codes',
  pickerTamperTransparent: 'la page a rendu la liste des codes transparente',
  pickerTamperAltered: 'la page a modifié l’affichage de la liste des codes',
  pickerTamperCovered: 'un élément de la page recouvre la liste des codes',
  pickerCodeGone: 'Ce code n’est plus dans votre coffre.',
  pickerCodeExpired: '{code}… a expiré ; TikTok le refuserait. Demandez un nouveau code au créateur.',
  pickerPageSilent: 'La page Ads Manager n’a pas répondu. Rechargez la page et réessayez.',
  pickerLost: 'Cette liste de codes a perdu sa connexion avec la page Ads Manager. Rechargez la page pour l’utiliser à nouveau.',
  pickerNotInTab: 'Seule une page dans un onglet peut afficher la liste des codes.',
  pickerNotFilledHere: 'Cette page n’a pas rempli ce code.',
  pickerRenewFromDashboard: 'Ouvrez la demande de renouvellement depuis le tableau de bord.',
  pickerNothingToUndo: 'Rien à annuler : cette page n’a pas marqué ces codes comme utilisés.',
  pickerProblemExpired: 'Autorisation expirée. Demandez au créateur de prolonger l’autorisation.',
  pickerProblemInvalid:
    'Ads Manager indique que le code de publication est incorrect. Vérifiez qu’il est complet ou demandez-en un nouveau au créateur.',
  pickerProblemRevoked: 'Ads Manager indique que le code ou sa vidéo a été supprimé. Demandez un nouveau code au créateur.',
};

const es: Record<RefusalKey, string> = {
  pickerFieldClosed: 'El campo del código ya no está abierto. No se rellenó nada.',
  pickerNotYourAction: 'Relleno rechazado: debe seguir a tu propio clic o pulsación de tecla en la lista de códigos.',
  pickerTampered: 'Relleno rechazado porque {reason}. No se rellenó nada.',
  pickerTamperNotShown: 'la lista de códigos no se muestra',
  pickerTamperMoving: 'la lista de códigos se estaba moviendo',
  pickerTamperMoved: 'la página movió la lista de códigos',
  pickerTamperOffscreen: 'la lista de códigos está en parte fuera de la pantalla',
  pickerTamperHidden: 'la página ocultó la lista de códigos',
  pickerTamperTransparent: 'la página hizo transparente la lista de códigos',
  pickerTamperAltered: 'la página alteró cómo se dibuja la lista de códigos',
  pickerTamperCovered: 'algo en la página tapa la lista de códigos',
  pickerCodeGone: 'Ese código ya no está en tu bóveda.',
  pickerCodeExpired: '{code}… ha caducado; TikTok lo rechazaría. Pide al creador un código nuevo.',
  pickerPageSilent: 'La página de Ads Manager no respondió. Recarga la página e inténtalo de nuevo.',
  pickerLost: 'Esta lista de códigos perdió la conexión con la página de Ads Manager. Recarga la página para volver a usarla.',
  pickerNotInTab: 'Solo una página en una pestaña puede mostrar la lista de códigos.',
  pickerNotFilledHere: 'Esta página no rellenó ese código.',
  pickerRenewFromDashboard: 'Abre la solicitud de renovación desde el panel.',
  pickerNothingToUndo: 'Nada que deshacer: esta página no ha marcado esos códigos como usados.',
  pickerProblemExpired: 'Autorización caducada. Pide al creador que amplíe la autorización.',
  pickerProblemInvalid:
    'Ads Manager dice que el código de la publicación es incorrecto. Comprueba que esté completo o pide uno nuevo al creador.',
  pickerProblemRevoked: 'Ads Manager dice que el código o su vídeo se eliminó. Pide un código nuevo al creador.',
};

const pt: Record<RefusalKey, string> = {
  pickerFieldClosed: 'O campo do código não está mais aberto. Nada foi preenchido.',
  pickerNotYourAction: 'Preenchimento recusado: ele precisa seguir o seu próprio clique ou tecla na lista de códigos.',
  pickerTampered: 'Preenchimento recusado porque {reason}. Nada foi preenchido.',
  pickerTamperNotShown: 'a lista de códigos não está visível',
  pickerTamperMoving: 'a lista de códigos estava se movendo',
  pickerTamperMoved: 'a página moveu a lista de códigos',
  pickerTamperOffscreen: 'a lista de códigos está em parte fora da tela',
  pickerTamperHidden: 'a página ocultou a lista de códigos',
  pickerTamperTransparent: 'a página deixou a lista de códigos transparente',
  pickerTamperAltered: 'a página alterou como a lista de códigos é desenhada',
  pickerTamperCovered: 'algo na página cobre a lista de códigos',
  pickerCodeGone: 'Esse código não está mais no seu cofre.',
  pickerCodeExpired: '{code}… expirou; o TikTok o recusaria. Peça um novo código ao criador.',
  pickerPageSilent: 'A página do Ads Manager não respondeu. Recarregue a página e tente de novo.',
  pickerLost: 'Esta lista de códigos perdeu a conexão com a página do Ads Manager. Recarregue a página para usá-la de novo.',
  pickerNotInTab: 'Só uma página em uma aba pode mostrar a lista de códigos.',
  pickerNotFilledHere: 'Esta página não preencheu esse código.',
  pickerRenewFromDashboard: 'Abra o pedido de renovação pelo painel.',
  pickerNothingToUndo: 'Nada para desfazer: esta página não marcou esses códigos como usados.',
  pickerProblemExpired: 'Autorização expirada. Peça ao criador para estender a autorização.',
  pickerProblemInvalid: 'O Ads Manager diz que o código da publicação está incorreto. Confira se está completo ou peça um novo ao criador.',
  pickerProblemRevoked: 'O Ads Manager diz que o código ou o vídeo dele foi excluído. Peça um novo código ao criador.',
};

export const REFUSALS: Record<Language, Record<RefusalKey, string>> = { en, de, fr, es, pt };

/** A key the Ads Manager page sent is only looked up when it is one of these. */
export const isRefusalKey = (key: unknown): key is RefusalKey => typeof key === 'string' && Object.hasOwn(en, key);

export function refusalText(lang: Language, key: RefusalKey, vars?: Vars): string {
  return fillTemplate(REFUSALS[lang][key], vars);
}
