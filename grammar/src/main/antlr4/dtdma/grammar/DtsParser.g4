/*
 * Parser of dtc's devicetree source language (dgibson/dtc dtc-parser.y), deliberately a little looser than
 * dtc so that an editor gets a usable tree:
 *   - a file may lack /dts-v1/ (reported as DTS004 by the AST builder);
 *   - properties may follow subnodes in a body (reported as DTS002);
 *   - labels are accepted on the root node and a bare identifier is accepted in a value (both reported);
 *   - a single hex digit in a byte string is accepted (reported as DTS003).
 * INCLUDED_ITEMS stands for the already-parsed top-level items of an included file.
 */
parser grammar DtsParser;

options { tokenVocab = DtsLexer; }

dtsFile
    : topItem* EOF
    ;

topItem
    : DTS_V1 SEMI                                   # v1Header
    | PLUGIN SEMI                                   # pluginHeader
    | labelDef* MEMRESERVE prim prim SEMI           # memReserve
    | labelDef* SLASH nodeBody SEMI                 # rootNode
    | labelDef* ref nodeBody SEMI                   # refNode
    | DEL_NODE ref SEMI                             # deleteNodeRef
    | OMIT_NO_REF ref SEMI                          # omitRef
    | INCLUDED_ITEMS                                # includedItems
    ;

nodeBody
    : LBRACE bodyItem* RBRACE
    ;

bodyItem
    : (labelDef | OMIT_NO_REF)* name nodeBody SEMI  # nodeDef
    | labelDef* name (EQUALS propValue)? SEMI       # propDef
    | labelDef* DEL_PROP name SEMI                  # deleteProp
    | (labelDef | OMIT_NO_REF)* DEL_NODE name SEMI  # deleteNode
    ;

// IDENT is a name-shaped word lexed in the value context; it appears here only after an error
// (typically a missing ';'), and accepting it lets recovery continue with the next property.
name
    : PROPNODENAME
    | IDENT
    ;

propValue
    : component (COMMA component)*
    ;

component
    : labelDef* valueItem labelDef*
    ;

valueItem
    : STRING                                              # strValue
    | (BITS LITERAL)? LT cellItem* GT                     # cellsValue
    | LBRACK byteItem* RBRACK                             # bytesValue
    | ref                                                 # refValue
    | INCBIN LPAREN STRING (COMMA prim COMMA prim)? RPAREN # incbinValue
    | IDENT                                               # identValue
    ;

cellItem
    : prim
    | ref
    | labelDef
    ;

byteItem
    : BYTE
    | BAD_BYTE
    | labelDef
    ;

prim
    : LITERAL
    | CHAR_LIT
    | IDENT
    | LPAREN expr RPAREN
    ;

expr
    : prim                                              # primExpr
    | op=(MINUS | TILDE | BANG) expr                    # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr             # binaryExpr
    | expr op=(PLUS | MINUS) expr                       # binaryExpr
    | expr op=(LSHIFT | RSHIFT) expr                    # binaryExpr
    | expr op=(LT | GT | LE | GE) expr                  # binaryExpr
    | expr op=(EQ | NE) expr                            # binaryExpr
    | expr op=AMP expr                                  # binaryExpr
    | expr op=CARET expr                                # binaryExpr
    | expr op=PIPE expr                                 # binaryExpr
    | expr op=AND expr                                  # binaryExpr
    | expr op=OR expr                                   # binaryExpr
    | <assoc=right> expr QUESTION expr COLON expr       # ternaryExpr
    ;

labelDef
    : LABEL_DEF
    ;

ref
    : LABEL_REF
    | PATH_REF
    ;
