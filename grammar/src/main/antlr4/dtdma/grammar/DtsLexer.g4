/*
 * Lexer of dtc's devicetree source language (dgibson/dtc dtc-lexer.l), with dtc's start conditions as modes:
 *   DEFAULT_MODE = dtc's INITIAL and V1 ("value" context: integers, /incbin/, bare identifiers),
 *   NAME         = PROPNODENAME (after '{', ';', /delete-property/, /delete-node/, /omit-if-no-ref/),
 *   BYTES        = BYTESTRING (after '[').
 * Rules active in every dtc state are repeated in each mode with -> type(...).
 * INITIAL is merged into V1 on purpose: that is looser than dtc (integers before /dts-v1/) and lets a file
 * without a header still parse; the missing header is reported by the AST builder.
 */
lexer grammar DtsLexer;

options { superClass = DtsLexerBase; }

channels { COMMENTS, LINE_INFO }

tokens { INCLUDED_ITEMS }

// ------------------------------------------------------------------ keywords (all modes)
DTS_V1       : '/dts-v1/' ;
PLUGIN       : '/plugin/' ;
MEMRESERVE   : '/memreserve/' ;
BITS         : '/bits/' ;
DEL_PROP     : '/delete-property/' -> mode(NAME) ;
DEL_NODE     : '/delete-node/' -> mode(NAME) ;
OMIT_NO_REF  : '/omit-if-no-ref/' -> mode(NAME) ;
INCBIN       : '/incbin/' ;

// ------------------------------------------------------------------ labels, references, literals
LABEL_DEF    : LABEL ':' ;
LABEL_REF    : '&' LABEL ;
PATH_REF     : '&{' PATHCHAR* '}' ;
STRING       : '"' ( ~["\\] | '\\' ~[\n] )* '"' ;
CHAR_LIT     : '\'' ( ~['\\] | '\\' . )* '\'' ;
LITERAL      : ( [0-9]+ | '0' [xX] HEX+ ) ( 'U' | 'L' | 'UL' | 'LL' | 'ULL' )? ;
IDENT        : LABEL ;

// ------------------------------------------------------------------ operators and punctuation
LSHIFT       : '<<' ;
RSHIFT       : '>>' ;
LE           : '<=' ;
GE           : '>=' ;
EQ           : '==' ;
NE           : '!=' ;
AND          : '&&' ;
OR           : '||' ;
LBRACE       : '{' -> mode(NAME) ;
RBRACE       : '}' ;
SEMI         : ';' -> mode(NAME) ;
LBRACK       : '[' -> mode(BYTES) ;
RBRACK       : ']' ;
LT           : '<' ;
GT           : '>' ;
LPAREN       : '(' ;
RPAREN       : ')' ;
EQUALS       : '=' ;
COMMA        : ',' ;
SLASH        : '/' ;
COLON        : ':' ;
QUESTION     : '?' ;
PLUS         : '+' ;
MINUS        : '-' ;
STAR         : '*' ;
PERCENT      : '%' ;
AMP          : '&' ;
PIPE         : '|' ;
CARET        : '^' ;
TILDE        : '~' ;
BANG         : '!' ;

// ------------------------------------------------------------------ hidden
// dtc's /include/ is normally resolved by the preprocessor; text that still holds one skips it
INCLUDE      : '/include/' [ \t\r\n]* STRING -> channel(LINE_INFO) ;
LINE_MARKER  : '#' 'line'? [ \t]+ [0-9]+ [ \t]+ STRING ( [ \t]+ [0-9]+ )* -> channel(LINE_INFO) ;
WS           : [ \t\r\n\u000B\f]+ -> channel(HIDDEN) ;
BLOCK_COMMENT: '/*' .*? '*/' -> channel(COMMENTS) ;
LINE_COMMENT : '//' ~[\n]* -> channel(COMMENTS) ;
ERROR_CHAR   : . ;

// ------------------------------------------------------------------ fragments
fragment LABEL        : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment PROPNODECHAR : [a-zA-Z0-9,._+*#?@\-] ;
fragment PATHCHAR     : PROPNODECHAR | '/' ;
fragment HEX          : [0-9a-fA-F] ;

// ================================================================== name context (PROPNODENAME)
mode NAME;

N_DTS_V1       : '/dts-v1/' -> type(DTS_V1), mode(DEFAULT_MODE) ;
N_PLUGIN       : '/plugin/' -> type(PLUGIN) ;
N_MEMRESERVE   : '/memreserve/' -> type(MEMRESERVE), mode(DEFAULT_MODE) ;
N_BITS         : '/bits/' -> type(BITS), mode(DEFAULT_MODE) ;
N_DEL_PROP     : '/delete-property/' -> type(DEL_PROP) ;
N_DEL_NODE     : '/delete-node/' -> type(DEL_NODE) ;
N_OMIT_NO_REF  : '/omit-if-no-ref/' -> type(OMIT_NO_REF) ;
N_LABEL_DEF    : LABEL ':' -> type(LABEL_DEF) ;
N_LABEL_REF    : '&' LABEL -> type(LABEL_REF) ;
N_PATH_REF     : '&{' PATHCHAR* '}' -> type(PATH_REF) ;
N_STRING       : '"' ( ~["\\] | '\\' ~[\n] )* '"' -> type(STRING) ;
N_CHAR_LIT     : '\'' ( ~['\\] | '\\' . )* '\'' -> type(CHAR_LIT) ;
PROPNODENAME   : '\\'? PROPNODECHAR+ -> mode(DEFAULT_MODE) ;
N_LSHIFT       : '<<' -> type(LSHIFT) ;
N_RSHIFT       : '>>' -> type(RSHIFT) ;
N_LE           : '<=' -> type(LE) ;
N_GE           : '>=' -> type(GE) ;
N_EQ           : '==' -> type(EQ) ;
N_NE           : '!=' -> type(NE) ;
N_AND          : '&&' -> type(AND) ;
N_OR           : '||' -> type(OR) ;
N_LBRACE       : '{' -> type(LBRACE) ;
N_RBRACE       : '}' -> type(RBRACE) ;
N_SEMI         : ';' -> type(SEMI) ;
N_LBRACK       : '[' -> type(LBRACK), mode(BYTES) ;
N_RBRACK       : ']' -> type(RBRACK) ;
N_LT           : '<' -> type(LT) ;
N_GT           : '>' -> type(GT) ;
N_LPAREN       : '(' -> type(LPAREN) ;
N_RPAREN       : ')' -> type(RPAREN) ;
N_EQUALS       : '=' -> type(EQUALS) ;
N_SLASH        : '/' -> type(SLASH) ;
N_COLON        : ':' -> type(COLON) ;
N_PERCENT      : '%' -> type(PERCENT) ;
N_AMP          : '&' -> type(AMP) ;
N_PIPE         : '|' -> type(PIPE) ;
N_CARET        : '^' -> type(CARET) ;
N_TILDE        : '~' -> type(TILDE) ;
N_BANG         : '!' -> type(BANG) ;
N_INCLUDE      : '/include/' [ \t\r\n]* STRING -> type(INCLUDE), channel(LINE_INFO) ;
N_LINE_MARKER  : '#' 'line'? [ \t]+ [0-9]+ [ \t]+ STRING ( [ \t]+ [0-9]+ )* -> type(LINE_MARKER), channel(LINE_INFO) ;
N_WS           : [ \t\r\n\u000B\f]+ -> type(WS), channel(HIDDEN) ;
N_BLOCK_COMMENT: '/*' .*? '*/' -> type(BLOCK_COMMENT), channel(COMMENTS) ;
N_LINE_COMMENT : '//' ~[\n]* -> type(LINE_COMMENT), channel(COMMENTS) ;
N_ERROR_CHAR   : . -> type(ERROR_CHAR) ;

// ================================================================== byte string context (BYTESTRING)
mode BYTES;

B_DTS_V1       : '/dts-v1/' -> type(DTS_V1), mode(DEFAULT_MODE) ;
B_PLUGIN       : '/plugin/' -> type(PLUGIN) ;
B_MEMRESERVE   : '/memreserve/' -> type(MEMRESERVE), mode(DEFAULT_MODE) ;
B_BITS         : '/bits/' -> type(BITS), mode(DEFAULT_MODE) ;
B_DEL_PROP     : '/delete-property/' -> type(DEL_PROP), mode(NAME) ;
B_DEL_NODE     : '/delete-node/' -> type(DEL_NODE), mode(NAME) ;
B_OMIT_NO_REF  : '/omit-if-no-ref/' -> type(OMIT_NO_REF), mode(NAME) ;
B_LABEL_DEF    : LABEL ':' -> type(LABEL_DEF) ;
B_LABEL_REF    : '&' LABEL -> type(LABEL_REF) ;
B_PATH_REF     : '&{' PATHCHAR* '}' -> type(PATH_REF) ;
B_STRING       : '"' ( ~["\\] | '\\' ~[\n] )* '"' -> type(STRING) ;
B_CHAR_LIT     : '\'' ( ~['\\] | '\\' . )* '\'' -> type(CHAR_LIT) ;
BYTE           : HEX HEX ;
BAD_BYTE       : HEX ;
B_RBRACK       : ']' -> type(RBRACK), mode(DEFAULT_MODE) ;
B_LSHIFT       : '<<' -> type(LSHIFT) ;
B_RSHIFT       : '>>' -> type(RSHIFT) ;
B_LE           : '<=' -> type(LE) ;
B_GE           : '>=' -> type(GE) ;
B_EQ           : '==' -> type(EQ) ;
B_NE           : '!=' -> type(NE) ;
B_AND          : '&&' -> type(AND) ;
B_OR           : '||' -> type(OR) ;
B_LBRACE       : '{' -> type(LBRACE), mode(NAME) ;
B_RBRACE       : '}' -> type(RBRACE) ;
B_SEMI         : ';' -> type(SEMI), mode(NAME) ;
B_LBRACK       : '[' -> type(LBRACK) ;
B_LT           : '<' -> type(LT) ;
B_GT           : '>' -> type(GT) ;
B_LPAREN       : '(' -> type(LPAREN) ;
B_RPAREN       : ')' -> type(RPAREN) ;
B_EQUALS       : '=' -> type(EQUALS) ;
B_COMMA        : ',' -> type(COMMA) ;
B_SLASH        : '/' -> type(SLASH) ;
B_COLON        : ':' -> type(COLON) ;
B_QUESTION     : '?' -> type(QUESTION) ;
B_PLUS         : '+' -> type(PLUS) ;
B_MINUS        : '-' -> type(MINUS) ;
B_STAR         : '*' -> type(STAR) ;
B_PERCENT      : '%' -> type(PERCENT) ;
B_AMP          : '&' -> type(AMP) ;
B_PIPE         : '|' -> type(PIPE) ;
B_CARET        : '^' -> type(CARET) ;
B_TILDE        : '~' -> type(TILDE) ;
B_BANG         : '!' -> type(BANG) ;
B_INCLUDE      : '/include/' [ \t\r\n]* STRING -> type(INCLUDE), channel(LINE_INFO) ;
B_LINE_MARKER  : '#' 'line'? [ \t]+ [0-9]+ [ \t]+ STRING ( [ \t]+ [0-9]+ )* -> type(LINE_MARKER), channel(LINE_INFO) ;
B_WS           : [ \t\r\n\u000B\f]+ -> type(WS), channel(HIDDEN) ;
B_BLOCK_COMMENT: '/*' .*? '*/' -> type(BLOCK_COMMENT), channel(COMMENTS) ;
B_LINE_COMMENT : '//' ~[\n]* -> type(LINE_COMMENT), channel(COMMENTS) ;
B_ERROR_CHAR   : . -> type(ERROR_CHAR) ;
