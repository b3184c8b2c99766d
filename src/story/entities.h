/* entities.h — a story's key entities (see entities.c). */
#ifndef SF_STORY_ENTITIES_H
#define SF_STORY_ENTITIES_H

#include "storyfold.h"

/* Fill b->entities from the entities of b->docs (needs b->outlet). */
void story_entities(sf_brief *b);

#endif
