// libxml2's SAX2 push parser, for GazetteFeeds. Only the parser is used: no tree, no DTD
// loading, no network (the options and handlers in LibXMLSAX.swift say why).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and encoding.h then includes the system's ICU headers,
// whose types clash with the copy inside Foundation (_FoundationICU). Gazette never touches
// the converter structs that ICU adds fields to, so the headers are read without it.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
